/**
 * In-app support forms in JSX/TSX: when the file's path or one of its components says support,
 * ticket, helpdesk, contact or feedback, the labels, names and placeholders of its form controls
 * become template-field facts. A pure helper: the TypeScript extractor owns the walk and calls it.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import type { TemplateFieldFact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import type { FieldRole } from './facts.js';
import { isTicketPath } from './ticket-bound.js';

const SUPPORT_NAME = /support|ticket|help-?desk|contact|feedback/i;
const CONTROL_TAG = /^(?:input|textarea|select|(?:\w+\.)?(?:Input|TextInput|TextField|TextArea|Textarea|Select|Field|FormField|FormControl|Combobox|DatePicker))$/;
const LABEL_TAG = /^(?:label|(?:\w+\.)?(?:Label|FormLabel|InputLabel))$/;
const ATTRIBUTE_ROLES: Record<string, FieldRole> = {
  label: 'label',
  'aria-label': 'label',
  title: 'label',
  name: 'id',
  id: 'id',
  placeholder: 'placeholder',
  helperText: 'description',
  description: 'description',
  hint: 'description',
};

function isSupportForm(sourceFile: ts.SourceFile, path: string): boolean {
  if (isTicketPath(path) || SUPPORT_NAME.test(path.slice(path.lastIndexOf('/') + 1))) return true;
  return sourceFile.statements.some((s) => {
    if ((typescript.isFunctionDeclaration(s) || typescript.isClassDeclaration(s)) && s.name) return SUPPORT_NAME.test(s.name.text);
    if (typescript.isVariableStatement(s)) return s.declarationList.declarations.some((d) => typescript.isIdentifier(d.name) && SUPPORT_NAME.test(d.name.text));
    return false;
  });
}

/** The string an attribute holds: `label="…"`, `label={'…'}`, `` label={`…`} `` (no substitutions). */
function stringOf(initializer: ts.JsxAttributeValue | undefined): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  if (!initializer) return undefined;
  if (typescript.isStringLiteral(initializer)) return initializer;
  if (typescript.isJsxExpression(initializer) && initializer.expression) {
    const e = initializer.expression;
    if (typescript.isStringLiteral(e) || typescript.isNoSubstitutionTemplateLiteral(e)) return e;
  }
  return undefined;
}

export function formFieldsFromJsx(sourceFile: ts.SourceFile, path: string, lineIndex: LineIndex): TemplateFieldFact[] {
  if (!path.match(/\.[jt]sx$/i) && !sourceFile.text.includes('<')) return [];
  if (!isSupportForm(sourceFile, path)) return [];
  const facts: TemplateFieldFact[] = [];
  const add = (role: FieldRole, node: ts.Node, text: string, group: string, input: string | undefined, inner = true) => {
    if (text.trim() === '') return;
    const start = node.getStart(sourceFile) + (inner ? 1 : 0);
    const end = node.end - (inner ? 1 : 0);
    const fact: TemplateFieldFact = { kind: 'template-field', source: 'typescript', span: lineIndex.span(start, end), role, text, template: 'jsx-form', ticket: true, group };
    if (input) fact.input = input;
    facts.push(fact);
  };

  const visit = (node: ts.Node): void => {
    if (typescript.isJsxSelfClosingElement(node) || typescript.isJsxOpeningElement(node)) {
      const tag = node.tagName.getText(sourceFile);
      const attributes = node.attributes.properties.filter(typescript.isJsxAttribute);
      const attr = (name: string) => attributes.find((a) => a.name.getText(sourceFile) === name);
      const key = stringOf(attr('id')?.initializer) ?? stringOf(attr('name')?.initializer);
      if (CONTROL_TAG.test(tag)) {
        const group = key ? `field:${key.text}` : `jsx:${node.pos}`;
        const multiline = /textarea/i.test(tag) || attr('multiline') !== undefined;
        const type = stringOf(attr('type')?.initializer)?.text;
        if (type !== 'hidden' && type !== 'submit') {
          const input = multiline ? 'textarea' : type === 'file' ? 'file' : 'input';
          for (const a of attributes) {
            const attributeName = a.name.getText(sourceFile);
            const role = Object.hasOwn(ATTRIBUTE_ROLES, attributeName) ? ATTRIBUTE_ROLES[attributeName] : undefined;
            const value = stringOf(a.initializer);
            if (role && value) add(role, value, value.text, group, input);
          }
        }
      } else if (LABEL_TAG.test(tag) && typescript.isJsxOpeningElement(node)) {
        const target = stringOf(attr('htmlFor')?.initializer) ?? stringOf(attr('for')?.initializer);
        const group = target ? `field:${target.text}` : `jsx:${node.pos}`;
        const element = node.parent;
        if (typescript.isJsxElement(element)) {
          for (const child of element.children) {
            if (typescript.isJsxText(child) && child.text.trim()) {
              const text = child.text.trim();
              const start = child.getStart(sourceFile) + child.getText(sourceFile).indexOf(text);
              facts.push({ kind: 'template-field', source: 'typescript', span: lineIndex.span(start, start + text.length), role: 'label', text, template: 'jsx-form', ticket: true, group });
            }
          }
        }
      }
    }
    typescript.forEachChild(node, visit);
  };
  visit(sourceFile);
  return facts;
}
