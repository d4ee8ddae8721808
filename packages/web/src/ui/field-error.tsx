import { useTranslation } from 'react-i18next';

interface FieldErrorProps {
  readonly id: string;
  readonly message: string | undefined;
}

/** The error message shown next to a field, prefixed for screen reader users. */
export function FieldError({ id, message }: FieldErrorProps) {
  const { t } = useTranslation();
  if (message === undefined) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}
