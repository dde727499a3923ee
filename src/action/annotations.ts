/**
 * Chooses what becomes an annotation. GitHub shows at most 10 annotations of each level per step,
 * so errors come first, findings on changed lines before the rest, and the job summary lists all.
 */
import { touchesChangedLine, type ChangedLines } from '../core/changed-lines.js';
import type { Finding, ScanNotice } from '../core/types.js';
import { NOTIFICATION_RULE_IDS, compareFindings } from '../report/common.js';

export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

export interface AnnotationPlan {
  findings: Finding[];
  notices: ScanNotice[];
  /** Active findings left out because of the limits. */
  omitted: number;
}

function levelOf(finding: Finding): Level {
  return NOTIFICATION_RULE_IDS.has(finding.ruleId) ? 'notice' : finding.severity;
}

function noticeLevel(notice: ScanNotice): Level {
  return notice.level === 'note' ? 'notice' : notice.level;
}

/** `findings` are the active (unsuppressed) ones. One notice slot is kept for the "more in the summary" line. */
export function planAnnotations(
  findings: readonly Finding[],
  notices: readonly ScanNotice[],
  changed: ChangedLines | undefined,
  limit = ANNOTATIONS_PER_LEVEL,
): AnnotationPlan {
  const onChanged = (f: Finding) => (changed && touchesChangedLine(changed, f.location.path, f.location.line, f.location.endLine) ? 0 : 1);
  const ordered = [...findings].sort((a, b) => onChanged(a) - onChanged(b) || compareFindings(a, b));
  const room: Record<Level, number> = { error: limit, warning: limit, notice: limit - 1 };
  const chosen: Finding[] = [];
  for (const finding of ordered) {
    const level = levelOf(finding);
    if (room[level] > 0) {
      room[level]--;
      chosen.push(finding);
    }
  }
  const chosenNotices = notices.filter((notice) => {
    const level = noticeLevel(notice);
    if (room[level] <= 0) return false;
    room[level]--;
    return true;
  });
  return { findings: chosen, notices: chosenNotices, omitted: findings.length - chosen.length };
}
