/** The one-line title of a task in the inbox list, and in the task pane when it has no subject record. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { TaskView } from '../../../../server/contracts/stewardship';
import { displayName } from '../golden/goldenSearch';

/** "Possible duplicate: …", "4 records look like one: …", "Sources disagree on …", or the exception's code and message. */
export function taskTitle(task: TaskView, subject: GoldenRecordView | undefined): string {
  if (task.type === 'potential-match')
    return `Possible duplicate: ${subject !== undefined ? displayName(subject) : (task.subject.sourceRecordId ?? task.subject.goldenId ?? '').split('|').slice(1).join(' ')}`;
  if (task.type === 'potential-match-cluster')
    return `${task.members?.length ?? 0} records look like one: ${task.members?.[0]?.records[0]?.name ?? ''}`;
  if (task.type === 'survivorship-conflict')
    return `Sources disagree on ${task.subject.attribute ?? 'a value'}${subject !== undefined ? ` of ${displayName(subject)}` : ''}`;
  return `${task.exception?.code ?? 'Data quality'}: ${task.exception?.message ?? ''}`;
}
