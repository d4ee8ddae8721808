import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api-client';
import { ServiceProblem } from '../../app/service-problem';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { formatCalendarDate } from './calendar-date';
import { hasSharedDetails } from './employer-view-model';
import { useEmployerPreview, useMeeting } from './cdm-queries';
import { ActionPlanTable, SharedSections } from './employer-view-sections';

const SIGNATORIES = ['patient', 'employer', 'clinician'] as const;

/**
 * The printable action plan of a meeting: the workplace, the dates of the three steps, what the
 * joint meeting agreed (what, who, by when), the review date, and lines to sign. Obstacles,
 * resources, the employer's view and adjustments are printed only as the employer may see them
 * (the preview's view: shared by the patient, never health items); no scores, flags or clinical
 * notes are ever on it.
 */
export function MeetingPrintPage() {
  const { t, i18n } = useTranslation();
  const { patientId = '', meetingId = '' } = useParams();
  const meeting = useMeeting(patientId, meetingId);
  const preview = useEmployerPreview(patientId, meetingId);
  useDocumentTitle(
    meeting.data === undefined
      ? t('cdm.printTitle')
      : `${t('cdm.printTitle')}: ${meeting.data.employerName}`,
  );

  const back = (
    <Link className="back-link" to={`/patients/${encodeURIComponent(patientId)}`}>
      {t('cdm.print.back')}
    </Link>
  );

  if (meeting.isPending || preview.isPending) {
    return (
      <>
        {back}
        <h1>{t('cdm.printTitle')}</h1>
        <Loading />
      </>
    );
  }
  if (meeting.isError || preview.isError) {
    const error = meeting.error ?? preview.error;
    return (
      <>
        {back}
        <h1>{t('cdm.printTitle')}</h1>
        {isApiError(error, 'not_found', 'validation_failed') ? (
          <p>{t('cdm.print.notFound')}</p>
        ) : (
          <ServiceProblem
            error={error}
            onRetry={() => {
              void meeting.refetch();
              void preview.refetch();
            }}
          />
        )}
      </>
    );
  }

  const { record, employerName, employeeName } = meeting.data;
  const view = preview.data.view;
  const date = (value: string | null | undefined) =>
    value === null || value === undefined ? (
      <span className="muted">{t('cdm.view.notYet')}</span>
    ) : (
      formatCalendarDate(value, i18n.language)
    );
  // The shared items only; the action plan is printed from the joint meeting below.
  const sharedItems = { ...view, actionPlan: [] };

  return (
    <div className="cdm-print">
      {back}
      <h1>
        <span className="caption">{t('cdm.panelTitle')}</span>
        {t('cdm.printTitle')}
      </h1>
      <dl className="cdm-dates">
        <div className="cdm-dates__row">
          <dt>{t('cdm.print.workplace')}</dt>
          <dd>{employerName}</dd>
        </div>
        {employeeName === null ? null : (
          <div className="cdm-dates__row">
            <dt>{t('cdm.print.employee')}</dt>
            <dd>{employeeName}</dd>
          </div>
        )}
        <div className="cdm-dates__row">
          <dt>{t('cdm.steps.patient_clinician')}</dt>
          <dd>{date(record.patientClinician?.heldOn)}</dd>
        </div>
        <div className="cdm-dates__row">
          <dt>{t('cdm.steps.clinician_employer')}</dt>
          <dd>{date(record.clinicianEmployer?.heldOn)}</dd>
        </div>
        <div className="cdm-dates__row">
          <dt>{t('cdm.steps.joint')}</dt>
          <dd>{date(record.joint?.heldOn)}</dd>
        </div>
        <div className="cdm-dates__row">
          <dt>{t('cdm.reviewOn')}</dt>
          <dd>{record.joint === null ? date(null) : date(record.joint.reviewOn)}</dd>
        </div>
      </dl>
      <p className="no-print">
        <button
          type="button"
          className="button"
          onClick={() => {
            window.print();
          }}
        >
          {t('cdm.print.button')}
        </button>
      </p>
      <h2 id="cdm-print-plan-title">{t('cdm.sections.actionPlan')}</h2>
      {record.joint === null ? (
        <p>{t('cdm.print.noPlan')}</p>
      ) : (
        <ActionPlanTable actions={record.joint.actionPlan} captionId="cdm-print-plan-title" />
      )}
      {hasSharedDetails(sharedItems) ? (
        <>
          <h2>{t('cdm.print.sharedTitle')}</h2>
          <p className="muted">{t('cdm.print.sharedIntro')}</p>
          <SharedSections
            view={sharedItems}
            level={3}
            idPrefix="cdm-print"
            showActionPlan={false}
          />
        </>
      ) : null}
      <h2>{t('cdm.print.signatures')}</h2>
      <div className="cdm-signatures">
        {SIGNATORIES.map((who) => (
          <div className="cdm-signature" key={who}>
            <p className="cdm-signature__who">{t(`cdm.print.signatureFor.${who}`)}</p>
            <div className="cdm-signature__lines">
              <p className="cdm-signature__line">{t('cdm.print.signature')}</p>
              <p className="cdm-signature__line cdm-signature__line--date">{t('cdm.print.date')}</p>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
