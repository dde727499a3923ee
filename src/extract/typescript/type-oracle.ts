/**
 * Type-aware analysis for the TypeScript extractor, when typescript-eslint's `projectService`
 * provides a program: an identifier whose declared type has PHI-bearing fields (a `Patient`
 * with `dateOfBirth`, `ssn`) carries a whole PHI record, whatever the variable is called.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import type { Classifier } from '../../classify/types.js';
import type { PhiCategory } from '../../core/types.js';
import type { TypeOracle } from './context.js';

type Judgement = { why: string; model?: string; category?: PhiCategory } | undefined;

const MAX_PROPERTIES = 200;
const NAMED_FIELDS_SHOWN = 3;
const NOT_A_RECORD = typescript.TypeFlags.StringLike | typescript.TypeFlags.NumberLike | typescript.TypeFlags.BooleanLike | typescript.TypeFlags.BigIntLike | typescript.TypeFlags.EnumLike | typescript.TypeFlags.Any | typescript.TypeFlags.Unknown | typescript.TypeFlags.Never | typescript.TypeFlags.Null | typescript.TypeFlags.Undefined | typescript.TypeFlags.Void;

export function typeOracleOf(checker: ts.TypeChecker, classifier: Classifier): TypeOracle {
  const judged = new Map<ts.Type, Judgement>();

  const judge = (type: ts.Type): Judgement => {
    if (judged.has(type)) return judged.get(type);
    judged.set(type, undefined); // recursion guard for self-referencing unions
    let result: Judgement;
    if (type.isUnion()) {
      for (const member of type.types) if ((result = judge(member))) break;
    } else if (!(type.flags & NOT_A_RECORD) && type.flags & typescript.TypeFlags.Object && type.getCallSignatures().length === 0 && !checker.isArrayLikeType(type)) {
      result = recordJudgement(type);
    }
    judged.set(type, result);
    return result;
  };

  const phiFieldsOf = (type: ts.Type): string[] => {
    const fields: string[] = [];
    for (const property of checker.getPropertiesOfType(type).slice(0, MAX_PROPERTIES)) {
      const name = classifier.classifyName(property.name);
      const strength = name.best?.strength;
      if ((strength === 'direct' || strength === 'health') && !name.opaqueId && !name.aggregate && !name.sanitized) fields.push(property.name);
    }
    return fields;
  };

  /** PHI fields of the type itself, else of its object-typed properties (`{ patient: Patient }`): two levels. */
  const recordJudgement = (type: ts.Type): Judgement => {
    let fields = phiFieldsOf(type);
    if (fields.length === 0) {
      for (const property of checker.getPropertiesOfType(type).slice(0, MAX_PROPERTIES)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration) continue;
        const inner = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, declaration));
        if (inner.flags & NOT_A_RECORD || !(inner.flags & typescript.TypeFlags.Object) || inner.getCallSignatures().length) continue;
        fields = phiFieldsOf(inner).map((f) => `${property.name}.${f}`);
        if (fields.length) break;
      }
    }
    if (fields.length === 0) return undefined;
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const model = symbol && !symbol.name.startsWith('__') ? symbol.name : undefined;
    const shown = fields.slice(0, NAMED_FIELDS_SHOWN).join(', ') + (fields.length > NAMED_FIELDS_SHOWN ? ', ...' : '');
    const category = classifier.classifyName(fields[0]!.split('.').pop() ?? '').best?.category;
    return { why: `its type ${model ?? 'object'} has PHI fields (${shown})`, ...(model ? { model } : {}), ...(category ? { category } : {}) };
  };

  return {
    objectEvidence(expr) {
      try {
        return judge(checker.getTypeAtLocation(expr));
      } catch {
        return undefined;
      }
    },
  };
}
