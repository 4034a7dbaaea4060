// The codebook's change log in words, one sentence per operation: the app's log view and the
// codebook exports say the same thing the same way.
import type { CodebookEvent } from './model';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What happened, e.g. `Merged “Trade” into “Economy” (12 annotations, 1 child tag).` */
export function describeCodebookEvent(event: CodebookEvent): string {
  const tag = `“${event.path}”`;
  const other = event.other ? `“${event.other.path}”` : '';
  switch (event.operation) {
    case 'create':
      return `Created ${tag}.`;
    case 'rename':
      return `Renamed ${tag} to “${event.to ?? ''}”.`;
    case 'move':
      return event.to ? `Moved ${tag} under “${event.to}”.` : `Moved ${tag} to the top.`;
    case 'recolour':
      return `Recoloured ${tag} ${event.to ?? ''}.`.replace(' .', '.');
    case 'describe':
      return `Changed the guidance of ${tag}.`;
    case 'merge': {
      const details = [
        plural(event.annotations ?? 0, 'annotation'),
        ...(event.children ? [plural(event.children, 'child tag')] : []),
      ];
      return `Merged ${tag} into ${other} (${details.join(', ')}).`;
    }
    case 'split':
      return `Split ${other} from ${tag} (${plural(event.annotations ?? 0, 'annotation')}).`;
    case 'delete': {
      const details: string[] = [];
      if (event.annotations)
        details.push(`${plural(event.annotations, 'annotation')} kept without it`);
      if (event.deletedAnnotations)
        details.push(`${plural(event.deletedAnnotations, 'annotation')} deleted`);
      if (event.children) details.push(`${plural(event.children, 'child tag')} moved up`);
      return `Deleted ${tag}${details.length ? ` (${details.join('; ')})` : ''}.`;
    }
  }
}
