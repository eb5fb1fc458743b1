"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { buttonClass } from "./button";

/**
 * The inline "are you sure?" row under an action: the question, the confirming button and "Abbrechen".
 * Keyboard focus moves into it when it opens (to "Abbrechen" when the action destroys something, else to
 * the confirming button), Escape cancels, and focus goes back to the button that opened it when it closes.
 */
export function ConfirmBar({
  question,
  confirmLabel,
  tone,
  onConfirm,
  onCancel,
  children,
}: {
  question: string;
  confirmLabel: string;
  tone: "danger" | "primary";
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra fields that belong to the decision (e.g. a note), shown under the question. */
  children?: ReactNode;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (tone === "danger" ? cancelRef : confirmRef).current?.focus();
    return () => {
      // After the bar is gone (cancelled or confirmed) the keyboard continues where it started.
      requestAnimationFrame(() => {
        if (opener?.isConnected && !opener.hasAttribute("disabled")) opener.focus();
      });
    };
  }, [tone]);
  return (
    <div
      role="alertdialog"
      aria-label="Bestätigen"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>{question}</p>
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button ref={confirmRef} type="button" className={buttonClass(tone)} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className={buttonClass("ghost")} onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </div>
  );
}
