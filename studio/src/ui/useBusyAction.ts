import { useState } from 'react';

/**
 * One action at a time for an editor page: `busy` names what runs, `notice` is what the finished action
 * reported, `error` any refusal (cleared with `clearError`).
 */
export function useBusyAction() {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const run = async (label: string, action: () => Promise<string>): Promise<void> => {
    setBusy(label);
    setError(null);
    setNotice('');
    try {
      setNotice(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  };
  return { busy, error, notice, run, clearError: () => setError(null) };
}
