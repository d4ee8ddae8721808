import type { Meeting } from '@workup/contracts';
import { CDM_STEPS } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ApprovalPanel } from './approval-panel';
import { issueMessage } from './cdm-errors';
import { useEmployerPreview } from './cdm-queries';
import { EmployerLinks } from './employer-links';
import { PatientLinks } from './patient-links';
import { EmployerDeadlines } from './employer-view-sections';
import { StepSection } from './step-forms';

/** The printable action plan's address. */
export function meetingPrintPath(patientId: string, meetingId: string): string {
  return `/patients/${encodeURIComponent(patientId)}/cdm-meetings/${encodeURIComponent(meetingId)}/print`;
}

/** The employer's statutory deadlines as the preview gives them. */
function Deadlines({ patientId, meetingId }: { patientId: string; meetingId: string }) {
  const preview = useEmployerPreview(patientId, meetingId);
  if (preview.data === undefined) return null;
  return (
    <EmployerDeadlines checkpoints={preview.data.checkpoints} level={4} idPrefix="cdm-meeting" />
  );
}

/**
 * One meeting: its three steps in order, the patient's approval with the employer's preview,
 * the patient's own approval links, the employer's statutory deadlines and the employer's links.
 */
export function MeetingView({ patientId, meeting }: { patientId: string; meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  return (
    <article aria-labelledby="cdm-meeting-title" className="cdm-meeting">
      <h3 id="cdm-meeting-title">{t('cdm.meetingTitle', { name: meeting.employerName })}</h3>
      <p className="muted">
        {t('cdm.meetingCreated', { date: formatDateTime(meeting.createdAt, i18n.language) })}
        {' · '}
        {meeting.nextStep === 'complete'
          ? t('cdm.complete')
          : t('cdm.nextStepIs', { step: t(`cdm.steps.${meeting.nextStep}`) })}
      </p>
      <p className="no-print">
        <Link to={meetingPrintPath(patientId, meeting.id)}>{t('cdm.printLink')}</Link>
      </p>
      {meeting.issues.length === 0 ? null : (
        <div className="notice notice--important" data-testid="cdm-issues">
          <p>
            <strong>{t('cdm.issuesTitle')}</strong>
          </p>
          <ul>
            {meeting.issues.map((issue) => (
              <li key={`${issue.code}-${issue.path.join('.')}`}>{issueMessage(issue, t)}</li>
            ))}
          </ul>
        </div>
      )}
      {CDM_STEPS.map((step) => (
        <StepSection key={step} patientId={patientId} meeting={meeting} step={step} />
      ))}
      <ApprovalPanel key={meeting.id} patientId={patientId} meeting={meeting} />
      <PatientLinks key={`patient-links-${meeting.id}`} patientId={patientId} meeting={meeting} />
      <Deadlines patientId={patientId} meetingId={meeting.id} />
      <EmployerLinks key={`links-${meeting.id}`} patientId={patientId} meeting={meeting} />
    </article>
  );
}
