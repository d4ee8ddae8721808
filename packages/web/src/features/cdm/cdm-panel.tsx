import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { ServiceProblem } from '../../app/service-problem';
import { useStaffApi } from '../../app/staff-api-context';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { TextField } from '../../ui/text-field';
import { useMeetingChanged, useMeetings } from './cdm-queries';
import { MeetingView } from './meeting-view';

interface CdmPanelProps {
  readonly patientId: string;
}

/** Whether an employer's name is usable (the contract: 1 to 200 characters once trimmed). */
export function employerNameProblem(name: string): 'required' | 'too_long' | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > 200 ? 'too_long' : null;
}

function StartMeetingForm({
  patientId,
  onStarted,
}: {
  patientId: string;
  onStarted: (meetingId: string) => void;
}) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const changed = useMeetingChanged(patientId);
  const [name, setName] = useState('');
  const [employee, setEmployee] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [employeeError, setEmployeeError] = useState<string | undefined>();
  const [started, setStarted] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (names: { employerName: string; employeeName: string | null }) =>
      api.createMeeting(patientId, names),
    onSuccess: async (meeting) => {
      setName('');
      setEmployee('');
      setStarted(meeting.employerName);
      await changed(meeting);
      onStarted(meeting.id);
    },
    onError: (failure) => {
      if (isApiError(failure, 'validation_failed')) setError(t('cdm.start.employerNameRequired'));
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = employerNameProblem(name);
    if (problem !== null) {
      setError(
        problem === 'required'
          ? t('cdm.start.employerNameRequired')
          : t('cdm.start.employerNameTooLong'),
      );
      document.getElementById('cdm-employer-name')?.focus();
      return;
    }
    setError(undefined);
    if (employee.trim().length > 100) {
      setEmployeeError(t('cdm.start.employeeNameTooLong'));
      document.getElementById('cdm-employee-name')?.focus();
      return;
    }
    setEmployeeError(undefined);
    setStarted(null);
    start.mutate({
      employerName: name.trim(),
      employeeName: employee.trim() === '' ? null : employee.trim(),
    });
  };

  return (
    <form noValidate onSubmit={submit} className="no-print cdm-start">
      <h3>{t('cdm.start.title')}</h3>
      <TextField
        id="cdm-employer-name"
        label={t('cdm.start.employerName')}
        hint={t('cdm.start.employerNameHint')}
        error={error}
        value={name}
        maxLength={200}
        autoComplete="organization"
        onChange={(event) => {
          setName(event.target.value);
        }}
      />
      <TextField
        id="cdm-employee-name"
        label={t('cdm.start.employeeName')}
        hint={t('cdm.start.employeeNameHint')}
        error={employeeError}
        value={employee}
        maxLength={100}
        autoComplete="off"
        onChange={(event) => {
          setEmployee(event.target.value);
        }}
      />
      {start.isError && !isApiError(start.error, 'validation_failed') ? (
        <ServiceProblem error={start.error} />
      ) : null}
      <button type="submit" className="button" disabled={start.isPending}>
        {t('cdm.start.submit')}
      </button>
      <p role="status" className="link-box__status">
        {started === null ? null : t('cdm.start.started', { name: started })}
      </p>
    </form>
  );
}

/**
 * The patient's Convergence Dialogue Meetings: the list, starting one with the employer's name,
 * and the chosen meeting with its steps, the patient's approval, deadlines and links.
 */
export function CdmPanel({ patientId }: CdmPanelProps) {
  const { t, i18n } = useTranslation();
  const meetings = useMeetings(patientId);
  const [chosen, setChosen] = useState<string | null>(null);

  const list = meetings.data?.meetings ?? [];
  const shown = list.find((meeting) => meeting.id === chosen) ?? list[0];

  return (
    <section aria-labelledby="cdm-title" className="panel cdm-panel">
      <h2 id="cdm-title">{t('cdm.panelTitle')}</h2>
      <p>{t('cdm.intro')}</p>
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? (
        <ServiceProblem error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : null}
      {meetings.isSuccess && list.length === 0 ? <p>{t('cdm.noMeetings')}</p> : null}
      {list.length === 0 ? null : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby="cdm-list-caption">
            <caption id="cdm-list-caption" className="visually-hidden">
              {t('cdm.meetingsCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cdm.columns.workplace')}</th>
                <th scope="col">{t('cdm.columns.started')}</th>
                <th scope="col">{t('cdm.columns.nextStep')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('cdm.columns.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((meeting) => (
                <tr key={meeting.id}>
                  <th scope="row">{meeting.employerName}</th>
                  <td>{formatDate(meeting.createdAt, i18n.language)}</td>
                  <td>{t(`cdm.stepsShort.${meeting.nextStep}`)}</td>
                  <td>
                    {meeting.id === shown?.id ? (
                      <span className="muted">{t('cdm.shown')}</span>
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('cdm.openMeetingLabel', { name: meeting.employerName })}
                        onClick={() => {
                          setChosen(meeting.id);
                        }}
                      >
                        {t('cdm.openMeeting')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <StartMeetingForm patientId={patientId} onStarted={setChosen} />
      {shown === undefined ? null : (
        <MeetingView key={shown.id} patientId={patientId} meeting={shown} />
      )}
    </section>
  );
}
