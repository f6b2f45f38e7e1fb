import { ChangeType, StringChange } from '@nx/devkit';
import * as ts from 'typescript';

/**
 * The change that appends `element` to `array` in the array's own layout: after the last element
 * on a one-line array, on a line of its own at the last element's indent otherwise. A trailing
 * comma stays where it was, now after the new element.
 */
export function appendArrayElement(source: ts.SourceFile, array: ts.ArrayLiteralExpression, element: string): StringChange {
  const last = array.elements[array.elements.length - 1];
  if (!last) return { type: ChangeType.Insert, index: array.getStart(source) + 1, text: element };
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line;
  const multiline = line(array.elements[0].getStart(source)) !== line(array.getStart(source));
  if (!multiline) return { type: ChangeType.Insert, index: last.getEnd(), text: `, ${element}` };
  const lastLineStart = source.getPositionOfLineAndCharacter(line(last.getStart(source)), 0);
  const indent = /^\s*/.exec(source.text.slice(lastLineStart, last.getStart(source)))?.[0] ?? '';
  return { type: ChangeType.Insert, index: last.getEnd(), text: `,\n${indent}${element}` };
}
