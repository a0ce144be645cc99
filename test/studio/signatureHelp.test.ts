import { describe, expect, test } from 'vitest';
import { signatureAt } from '../../studio/src/jsonata/signatureHelp';

describe('signatureAt', () => {
  test.each([
    { text: '$substring(|', name: '$substring', active: 0 },
    { text: '$substring(DESCR60, |', name: '$substring', active: 1 },
    { text: '$substring(DESCR60, 0, |', name: '$substring', active: 2 },
    { text: "$lookup('uom', UNIT, '|", name: '$lookup', active: 2 },
    { text: '$trim($substring(X, 1|', name: '$substring', active: 1 },
    { text: '$trim($substring(X, 1), |', name: '$trim', active: 0 },
    { text: '$join([a, b, c|', name: null, active: 0 },
    { text: '$join([a, b], |', name: '$join', active: 1 },
    { text: '$map(Lines, function($l) { $l.Qty |', name: null, active: 0 },
    { text: '$gtin14(|)', name: '$gtin14', active: 0 },
    { text: '$myOwn(|', name: null, active: 0 },
    { text: '($x := 1; |', name: null, active: 0 },
  ])('$text', ({ text, name, active }) => {
    const offset = text.indexOf('|');
    const result = signatureAt(text.replace('|', ''), offset);
    if (name === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result?.doc.name).toBe(name);
    expect(result?.activeParameter).toBe(active);
  });

  test('parameters keep their optional marks', () => {
    expect(signatureAt('$pad(', 5)?.parameters).toEqual(['str', 'width', 'char?']);
  });
});
