import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreatePatientRequestSchema } from '@workup/contracts';
import type { CreatePatientRequest } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api-client';
import { patientPath } from '../../app/paths';
import { useStaffApi } from '../../app/staff-api-context';
import { ErrorSummary } from '../../ui/error-summary';
import type { SummaryError } from '../../ui/error-summary';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { PATIENTS_QUERY_KEY } from './patient-queries';

const FIELDS = ['givenName', 'familyName', 'birthYear'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_IDS: Record<Field, string> = {
  givenName: 'given-name',
  familyName: 'family-name',
  birthYear: 'birth-year',
};

/** The request for the form's values; an empty birth year is left out. */
function toRequest(givenName: string, familyName: string, birthYear: string): unknown {
  const year = birthYear.trim();
  return {
    givenName,
    familyName,
    ...(year === '' ? {} : { birthYear: /^\d+$/.test(year) ? Number(year) : year }),
  };
}

/** Adds a patient to the caseload, then opens the new patient's page. */
export function CreatePatientForm() {
  const { t } = useTranslation();
  const api = useStaffApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [invalid, setInvalid] = useState<readonly Field[]>([]);
  const [attempt, setAttempt] = useState(0);

  const create = useMutation({
    mutationFn: (request: CreatePatientRequest) => api.createPatient(request),
    onSuccess: async (patient) => {
      await queryClient.invalidateQueries({ queryKey: PATIENTS_QUERY_KEY });
      await navigate(patientPath(patient.id));
    },
  });

  const serverError = create.error;
  const serverInvalid: Field[] = isApiError(serverError, 'validation_failed')
    ? FIELDS.filter((field) => serverError.fieldErrors[field] !== undefined)
    : [];
  const fieldErrors: Partial<Record<Field, string>> = {};
  for (const field of [...invalid, ...serverInvalid]) {
    fieldErrors[field] = t(`patients.errors.${field}`);
  }
  const summary: SummaryError[] = FIELDS.flatMap((field) => {
    const message = fieldErrors[field];
    return message === undefined ? [] : [{ message, targetId: FIELD_IDS[field] }];
  });
  if (serverError !== null && serverInvalid.length === 0) {
    summary.push({
      message: isApiError(serverError, 'network_error')
        ? t('common.errors.network_error')
        : t('common.errors.generic'),
    });
  }
  useDocumentTitle(t('patients.title'), summary.length > 0);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.reset();
    setAttempt((count) => count + 1);
    const parsed = CreatePatientRequestSchema.safeParse(
      toRequest(givenName, familyName, birthYear),
    );
    if (!parsed.success) {
      setInvalid(FIELDS.filter((field) => parsed.error.issues.some((i) => i.path[0] === field)));
      return;
    }
    setInvalid([]);
    create.mutate(parsed.data);
  };

  return (
    <form noValidate onSubmit={submit} className="form-panel">
      <ErrorSummary errors={summary} attempt={attempt} />
      <TextField
        id={FIELD_IDS.givenName}
        label={t('patients.givenName')}
        autoComplete="off"
        value={givenName}
        error={fieldErrors.givenName}
        onChange={(event) => {
          setGivenName(event.target.value);
        }}
      />
      <TextField
        id={FIELD_IDS.familyName}
        label={t('patients.familyName')}
        autoComplete="off"
        value={familyName}
        error={fieldErrors.familyName}
        onChange={(event) => {
          setFamilyName(event.target.value);
        }}
      />
      <TextField
        id={FIELD_IDS.birthYear}
        label={t('patients.birthYearOptional')}
        hint={t('patients.birthYearHint')}
        inputMode="numeric"
        autoComplete="off"
        className="input--4"
        value={birthYear}
        error={fieldErrors.birthYear}
        onChange={(event) => {
          setBirthYear(event.target.value);
        }}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? t('patients.adding') : t('patients.add')}
      </button>
    </form>
  );
}
