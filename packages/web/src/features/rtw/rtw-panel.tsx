import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { ServiceProblem } from '../../app/service-problem';
import { Loading } from '../../ui/loading';
import { PeriodList } from './period-list';
import { useSickLeave, useTimeline } from './rtw-queries';
import { SickLeaveForm } from './sick-leave-form';
import { TimelineView } from './timeline-view';

interface RtwPanelProps {
  readonly patientId: string;
}

/**
 * Sick leave and return to work on the patient's page: record a period, the periods on record
 * (removed ones struck through with the reason), and the timeline with its figures, statutory
 * deadlines and dated events. Every change reloads the timeline.
 */
export function RtwPanel({ patientId }: RtwPanelProps) {
  const { t } = useTranslation();
  const periods = useSickLeave(patientId);
  const timeline = useTimeline(patientId);

  return (
    <section aria-labelledby="rtw-title" className="panel rtw">
      <h2 id="rtw-title">{t('rtw.panelTitle')}</h2>
      <SickLeaveForm patientId={patientId} />
      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        isApiError(periods.error, 'forbidden') ? (
          <p className="notice notice--error">{t('rtw.errors.forbidden')}</p>
        ) : (
          <ServiceProblem error={periods.error} onRetry={() => void periods.refetch()} />
        )
      ) : (
        <PeriodList patientId={patientId} periods={periods.data.periods} />
      )}
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <>
          <h3>{t('rtw.timeline.title')}</h3>
          <p>{t('rtw.timeline.loadFailed')}</p>
          <ServiceProblem error={timeline.error} onRetry={() => void timeline.refetch()} />
        </>
      ) : (
        <TimelineView timeline={timeline.data} />
      )}
    </section>
  );
}
