import { buttonClass } from "./button";

/** The inline "are you sure?" row under an action: the question, the confirming button and "Abbrechen". */
export function ConfirmBar({
  question,
  confirmLabel,
  tone,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  tone: "danger" | "primary";
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-label="Bestätigen"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <span>{question}</span>
      <button type="button" className={buttonClass(tone)} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className={buttonClass("ghost")} onClick={onCancel}>
        Abbrechen
      </button>
    </div>
  );
}
