/**
 * A password input with its label and message. Not `TextField`: a password is never put back
 * into the form after an error, so it has no value to keep.
 */
export function PasswordField({
  name,
  label,
  autoComplete,
  error,
  minLength,
}: {
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  error?: string;
  minLength?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        minLength={minLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
