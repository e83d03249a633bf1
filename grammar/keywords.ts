// The one keyword table of the language. The lexer builds its tokens from it and the
// playground's highlighter reads it, so a spelling added here is known everywhere at once.
// Every keyword has an English spelling first, then its Chinese spellings.

export interface KeywordSpec {
  /** Token name, used by the parser. */
  readonly name: string;
  /** Accepted spellings; the first is the canonical English one. */
  readonly spellings: readonly string[];
  /** What the keyword is for, for highlighting and completion. */
  readonly role: 'structure' | 'scoring' | 'type' | 'unit' | 'operator' | 'literal' | 'function';
}

export const KEYWORDS = [
  // ruleset structure
  { name: 'Ruleset', spellings: ['ruleset', '规则集'], role: 'structure' },
  { name: 'Title', spellings: ['title', '标题'], role: 'structure' },
  { name: 'District', spellings: ['district', '地区'], role: 'structure' },
  { name: 'Kind', spellings: ['kind', '类别'], role: 'structure' },
  { name: 'Total', spellings: ['total', '总分'], role: 'structure' },
  { name: 'Round', spellings: ['round', '保留小数', '四舍五入'], role: 'structure' },
  { name: 'Input', spellings: ['input', '输入'], role: 'structure' },
  { name: 'Let', spellings: ['let', '令'], role: 'structure' },
  { name: 'Indicator', spellings: ['indicator', '指标'], role: 'structure' },
  { name: 'Weight', spellings: ['weight', '分值', '权重'], role: 'structure' },
  { name: 'Note', spellings: ['note', '说明'], role: 'structure' },
  { name: 'Na', spellings: ['na', '不适用'], role: 'structure' },
  { name: 'When', spellings: ['when', '当'], role: 'structure' },
  { name: 'Grades', spellings: ['grades', '等级'], role: 'structure' },
  { name: 'Otherwise', spellings: ['otherwise', '其他'], role: 'structure' },
  { name: 'Outcomes', spellings: ['outcomes', '结果应用'], role: 'structure' },
  { name: 'Adjust', spellings: ['adjust', '调整'], role: 'structure' },
  { name: 'Alert', spellings: ['alert', '预警'], role: 'structure' },
  { name: 'Test', spellings: ['test', '测试'], role: 'structure' },
  { name: 'Given', spellings: ['given', '给定'], role: 'structure' },
  { name: 'Expect', spellings: ['expect', '期望'], role: 'structure' },
  // scoring forms
  { name: 'Score', spellings: ['score', '得分'], role: 'scoring' },
  { name: 'Bands', spellings: ['bands', '分档'], role: 'scoring' },
  { name: 'Else', spellings: ['else', '其余'], role: 'scoring' },
  { name: 'Full', spellings: ['full', '满分'], role: 'scoring' },
  { name: 'Ratio', spellings: ['ratio', '比例'], role: 'scoring' },
  { name: 'Target', spellings: ['target', '目标值'], role: 'scoring' },
  { name: 'Deduct', spellings: ['deduct', '扣'], role: 'scoring' },
  { name: 'Per', spellings: ['per', '每'], role: 'scoring' },
  { name: 'Manual', spellings: ['manual', '人工'], role: 'scoring' },
  // rule variants of real 评分标准 (DESIGN §2b)
  { name: 'Up', spellings: ['up', '正向'], role: 'scoring' },
  { name: 'Down', spellings: ['down', '反向'], role: 'scoring' },
  { name: 'Equal', spellings: ['equal', '等于'], role: 'scoring' },
  { name: 'Using', spellings: ['using', '采用'], role: 'scoring' },
  { name: 'Quotient', spellings: ['quotient', '比值法'], role: 'scoring' },
  { name: 'Linear', spellings: ['linear', '线性法'], role: 'scoring' },
  { name: 'Whole', spellings: ['whole', '整'], role: 'scoring' },
  { name: 'Above', spellings: ['above', '超过'], role: 'scoring' },
  { name: 'Below', spellings: ['below', '低于'], role: 'scoring' },
  { name: 'Of', spellings: ['of', '的'], role: 'scoring' },
  { name: 'Less', spellings: ['less', '再减'], role: 'scoring' },
  { name: 'Checklist', spellings: ['checklist', '要素法'], role: 'scoring' },
  { name: 'Gate', spellings: ['gate', '前提'], role: 'scoring' },
  { name: 'Tiers', spellings: ['tiers', '分级'], role: 'scoring' },
  { name: 'Likert', spellings: ['likert', '量表'], role: 'scoring' },
  { name: 'Relative', spellings: ['relative', '相对'], role: 'structure' },
  { name: 'Pool', spellings: ['pool', '可选池'], role: 'structure' },
  { name: 'Placeholder', spellings: ['placeholder', '待定'], role: 'structure' },
  { name: 'To', spellings: ['to', '转入'], role: 'structure' },
  { name: 'Cap', spellings: ['cap', '封顶'], role: 'structure' },
  { name: 'Penalty', spellings: ['penalty', '减分'], role: 'structure' },
  { name: 'Bonus', spellings: ['bonus', '加分'], role: 'structure' },
  { name: 'Light', spellings: ['light', '信号灯'], role: 'structure' },
  { name: 'Floor', spellings: ['floor', '底线'], role: 'structure' },
  { name: 'By', spellings: ['by', '按'], role: 'structure' },
  // types
  { name: 'NumberType', spellings: ['number', '数值'], role: 'type' },
  { name: 'PercentType', spellings: ['percent', '百分比'], role: 'type' },
  { name: 'MoneyType', spellings: ['money', '金额'], role: 'type' },
  { name: 'CountType', spellings: ['count', '计数'], role: 'type' },
  { name: 'BoolType', spellings: ['bool', '是否'], role: 'type' },
  { name: 'ScoreType', spellings: ['分数'], role: 'type' }, // the English spelling is `score`, the Score keyword
  { name: 'EnumType', spellings: ['enum', '枚举'], role: 'type' },
  // money units
  { name: 'Yuan', spellings: ['元'], role: 'unit' },
  { name: 'Wanyuan', spellings: ['万元'], role: 'unit' },
  // word operators and literals
  { name: 'And', spellings: ['and', '且'], role: 'operator' },
  { name: 'Or', spellings: ['or', '或'], role: 'operator' },
  { name: 'Not', spellings: ['not', '非'], role: 'operator' },
  { name: 'True', spellings: ['true', '是'], role: 'literal' },
  { name: 'False', spellings: ['false', '否'], role: 'literal' },
  // functions whose names double as keywords (`max` caps a deduction)
  { name: 'Max', spellings: ['max', '最多', '最大'], role: 'function' },
] as const satisfies readonly KeywordSpec[];

export type KeywordName = (typeof KEYWORDS)[number]['name'];

/** Built-in functions that are ordinary identifiers (they can be shadowed by nothing: names are checked). */
export const FUNCTIONS = {
  min: ['min', '最小'],
  max: ['max', '最多', '最大'],
  abs: ['abs', '绝对值'],
  round: ['round', '保留小数', '四舍五入'],
  clamp: ['clamp', '限定'],
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

/**
 * Full-width punctuation typed by a Chinese IME, and the ASCII twin it stands for.
 * The lexer accepts both; diagnostics and the formatter use the ASCII form.
 */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  '：': ':',
  '，': ',',
  '；': ';',
  '（': '(',
  '）': ')',
  '％': '%',
  '≥': '>=',
  '≤': '<=',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '≠': '!=',
  '＋': '+',
  '－': '-',
  '＊': '*',
  '／': '/',
  '？': '?',
  '｛': '{',
  '｝': '}',
  '。': '.',
};
