/**
 * Free text of a ticket template (prompts, macro replies, descriptions) as sentences, each marked
 * as a request to the reporter ("please reply with …", "What medication …?") or not, and as a
 * "do not include PHI" notice. Items of a list introduced by a request ("reply with:") are requests.
 */
import { compromise } from '../../src/classify/compromise.js';
import type { TemplateFieldFact } from '../../src/core/facts.js';

export interface Sentence {
  text: string;
  fact: TemplateFieldFact;
  request: boolean;
  notice: boolean;
}

const BLOCK_TAG = /<\/?(?:p|div|br|ul|ol|tr|td|th|table|h[1-6]|section|blockquote|hr|mj-[\w-]+)\b[^<>]*>/gi;
const LIST_TAG = /<li\b[^<>]*>/gi;
const ANY_TAG = /<[^<>]*>/g;
const PLACEHOLDER = /\{\{[^{}]*\}\}\}?/g;
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|#39);/g;
const LIST_MARKER = /^\s*(?:[-*+•]|\d+[.)])\s+/;
const SENTENCE_END = /(?<=[.!?])\s+(?=\S)/;

/** Imperatives at the start of a sentence ("Describe your symptoms"), polite requests anywhere, and questions. */
const IMPERATIVE = /^\W*(?:please\s+)?(?:reply|respond|provide|include|send|attach|upload|enter|tell|share|list|describe|give|confirm|fill|paste|specify|add|type|write|copy|explain|note|mention|let us know)\b/i;
const POLITE = /\b(?:please|kindly|reply with|respond with|we (?:will |'ll )?need|need your|could you|can you|would you|tell us|let us know)\b|\?\s*$/i;
const NEGATION = /\b(?:do not|don't|dont|never|avoid|without|no need to|must not|should not|shouldn't|refrain from|not (?:include|send|paste|share|post|attach|enter))\b/i;
const NOTICE_SUBJECT = /\b(?:phi|pii|patient|medical|health|personal|dates? of birth|identif\w+|names?)\b/i;

interface Line {
  text: string;
  fact: TemplateFieldFact;
  listItem: boolean;
  paragraphBreak: boolean;
}

function linesOf(facts: readonly TemplateFieldFact[]): Line[] {
  const lines: Line[] = [];
  let previousEnd = -1;
  for (const fact of facts) {
    const gap = previousEnd >= 0 && fact.span.line - previousEnd > 1;
    previousEnd = fact.span.endLine;
    let blank = gap;
    // Real blank lines end a paragraph; line breaks made by block tags (<p>, <li>) do not.
    for (const rawLine of fact.text.split(/\r?\n|\r/)) {
      const segments = rawLine
        .replace(LIST_TAG, '\u0001• ')
        .replace(BLOCK_TAG, '\u0001')
        .replace(ANY_TAG, ' ')
        .replace(PLACEHOLDER, ' ')
        .replace(ENTITY, ' ')
        .split('\u0001')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      if (segments.length === 0) {
        blank = true;
        continue;
      }
      for (const text of segments) {
        lines.push({ text: text.replace(LIST_MARKER, ''), fact, listItem: LIST_MARKER.test(text), paragraphBreak: blank });
        blank = false;
      }
    }
  }
  return lines;
}

export function sentencesOf(facts: readonly TemplateFieldFact[]): Sentence[] {
  const out: Sentence[] = [];
  let inherit = false;
  for (const line of linesOf(facts)) {
    line.text.split(SENTENCE_END).forEach((text, k) => {
      if (k === 0 && line.paragraphBreak) inherit = false;
      const fragment = line.listItem || /^[a-z]/.test(text) || !/[.!?]$/.test(text);
      const continuation = inherit && k === 0 && fragment;
      if (!continuation) inherit = false;
      const negated = NEGATION.test(text);
      const request = !negated && (IMPERATIVE.test(text) || POLITE.test(text) || continuation);
      out.push({ text, fact: line.fact, request, notice: negated && NOTICE_SUBJECT.test(text) });
      if (request && /:\s*$/.test(text)) inherit = true;
      else if (negated) inherit = false;
    });
  }
  return out;
}

/** Noun phrases of a sentence ("your full date of birth and the member ID"), by compromise. */
export function nounPhrases(sentence: string): string[] {
  const phrases = compromise()(sentence).nouns().out('array') as string[];
  return phrases.length > 0 ? phrases : [sentence];
}

export function hasNotice(texts: readonly string[]): boolean {
  return texts.some((t) => NEGATION.test(t) && NOTICE_SUBJECT.test(t));
}
