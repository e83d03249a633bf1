// The catalogue of diagnostic codes. Codes are stable: a retired code is never reused.
// docs/language.md lists every code with an example; test/diagnostics checks that list.

export interface CodeInfo {
  readonly severity: 'error' | 'warning';
  /** One line on what the code means, in Chinese and English, for the reference. */
  readonly zh: string;
  readonly en: string;
}

export const CODES = {
  // syntax
  'syntax-invalid-character': { severity: 'error', zh: '无法识别的字符', en: 'a character the language does not use' },
  'syntax-unexpected-token': { severity: 'error', zh: '语法错误：此处不应出现该内容', en: 'a token where the grammar expects another' },
  // limits (src/limits.ts): past one, a clear error instead of a crash or a hang
  'limit-file-size': { severity: 'error', zh: '规则集文件超过大小上限', en: 'a ruleset larger than the size limit' },
  'limit-line-length': { severity: 'error', zh: '一行超过长度上限', en: 'a source line longer than the limit' },
  'limit-nesting': { severity: 'error', zh: '括号、指标或表达式嵌套超过层数上限', en: 'brackets, indicators or expressions nested beyond the limit' },
  'limit-syntax-errors': { severity: 'error', zh: '语法错误过多，已停止分析', en: 'so many syntax errors that parsing stopped' },
  'limit-indicators': { severity: 'error', zh: '指标个数超过上限', en: 'more indicators than the limit' },
  // names
  'name-unknown': { severity: 'error', zh: '未定义的名称', en: 'a name that is not declared' },
  'name-duplicate': { severity: 'error', zh: '名称重复定义', en: 'a name declared twice' },
  'name-cycle': { severity: 'error', zh: '计算项循环引用', en: 'a `let` that depends on itself' },
  'name-not-function': { severity: 'error', zh: '调用了非函数', en: 'a call of something that is not a function' },
  'call-arity': { severity: 'error', zh: '函数参数个数不对', en: 'a function called with the wrong number of arguments' },
  // header
  'header-duplicate': { severity: 'error', zh: '规则集属性重复', en: 'a header field given twice' },
  'header-invalid': { severity: 'error', zh: '规则集属性的值无效', en: 'a header field with an invalid value' },
  // types and units
  'type-mismatch': { severity: 'error', zh: '类型不匹配', en: 'an operand of the wrong type' },
  'unit-mismatch': { severity: 'error', zh: '单位不匹配', en: 'money combined with a figure that is not money' },
  'type-percent-vs-number': { severity: 'warning', zh: '百分比与不带 % 的数比较', en: 'a percent compared with a number written without %' },
  // indicators and weights
  'weight-sum-mismatch': { severity: 'error', zh: '下级分值之和不等于上级分值', en: "children's weights do not add up to their parent's" },
  'weight-invalid': { severity: 'error', zh: '分值必须大于 0', en: 'a weight that is not positive' },
  'indicator-no-score': { severity: 'error', zh: '末级指标没有评分规则', en: 'a leaf indicator without a scoring rule' },
  'indicator-score-and-children': { severity: 'error', zh: '有下级指标的指标不能再有评分规则', en: 'an indicator with both children and a scoring rule' },
  'indicator-duplicate-clause': { severity: 'error', zh: '指标中的子句重复', en: 'a clause given twice in one indicator' },
  'score-out-of-range': { severity: 'warning', zh: '得分不能证明在 [0, 分值] 之内', en: 'points not provably within [0, weight]' },
  'placeholder-empty': { severity: 'warning', zh: '待定指标还没有下级指标', en: 'a placeholder with no indicators yet' },
  'ratio-formula-missing': { severity: 'error', zh: '反向指标没有写明算法', en: 'a reverse ratio without its formula named' },
  'condition-never-true': { severity: 'warning', zh: '条件永远不成立', en: 'a condition that can never hold' },
  'cap-never-binds': { severity: 'warning', zh: '封顶分不低于总分，永远不起作用', en: 'a cap at or above the total, which never applies' },
  'manual-not-score': { severity: 'error', zh: '人工评分需引用分数类型的输入', en: '`manual` must name an input of type score' },
  // bands
  'band-unreachable': { severity: 'error', zh: '分档永远不会命中', en: 'a band that no value can reach' },
  'band-gap': { severity: 'error', zh: '分档没有覆盖全部取值', en: 'bands that leave values uncovered' },
  'band-else-not-last': { severity: 'error', zh: '“其余”档必须放在最后', en: '`else` must be the last band' },
  'band-award-range': { severity: 'error', zh: '分档得分超出分值', en: 'a band awarding more than the weight or less than 0' },
  // grades and outcomes
  'grade-order': { severity: 'error', zh: '等级分数线必须严格递减', en: 'grade thresholds not strictly descending' },
  'grade-no-otherwise': { severity: 'error', zh: '等级最后必须是“其他”', en: 'grades not ending in `otherwise`' },
  'grade-unknown': { severity: 'error', zh: '未定义的等级', en: 'a grade that the ruleset does not define' },
  'grade-duplicate': { severity: 'error', zh: '等级重复', en: 'a grade defined twice' },
  'grade-threshold-range': { severity: 'warning', zh: '等级分数线超出总分范围', en: 'a grade threshold outside [0, total]' },
  // tests
  'test-bad-value': { severity: 'error', zh: '测试中的值与输入类型不符', en: 'a test value that does not fit its input type' },
  'test-bad-expect': { severity: 'error', zh: '测试期望写法有误', en: 'an expectation that cannot be checked' },
  // evaluation, per unit (reported in results, not by the checker)
  'eval-division-by-zero': { severity: 'error', zh: '除数为零', en: 'division by zero' },
  'eval-manual-out-of-range': { severity: 'error', zh: '人工评分超出分值范围', en: 'a manual score outside [0, weight]' },
  'eval-tier-out-of-range': { severity: 'error', zh: '人工评分不在所选等级的区间内', en: 'a tiered score outside its tier' },
  'eval-no-applicable': { severity: 'error', zh: '没有适用的指标', en: 'no indicator applies' },
  'eval-bad-input': { severity: 'error', zh: '输入数据有误', en: 'bad input data' },
  // data files
  'data-missing-field': { severity: 'error', zh: '缺少字段', en: 'a missing field' },
  'data-bad-number': { severity: 'error', zh: '不是数字', en: 'text where a number is expected' },
  'data-bad-percent': { severity: 'error', zh: '不是百分数', en: 'text where a percent is expected' },
  'data-bad-bool': { severity: 'error', zh: '不是“是/否”', en: 'text where yes/no is expected' },
  'data-bad-enum': { severity: 'error', zh: '不是可选值之一', en: 'a value outside an enum' },
  'data-bad-count': { severity: 'error', zh: '不是非负整数', en: 'a count that is not a non-negative integer' },
  'data-bad-row': { severity: 'error', zh: '数据行格式有误', en: 'a malformed row' },
  'data-unknown-columns': { severity: 'warning', zh: '数据中有未声明的列', en: 'columns that match no input' },
  'data-bad-file': { severity: 'error', zh: '数据文件无法读取', en: 'a data file that cannot be read' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;
