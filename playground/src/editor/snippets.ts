// Snippets for each scoring form and the common blocks, in both spellings. `${INPUT}` becomes the
// ruleset's first input, so an inserted rule already names something that exists.
import type { Bilingual } from '../worker/protocol.js';

export interface Snippet {
  readonly label: string;
  readonly detail: Bilingual;
  readonly body: string;
}

export const SNIPPETS: readonly Snippet[] = [
  { label: 'score bands', detail: { zh: '分档评分', en: 'banded score' }, body: 'score bands ${1:${INPUT}} { >= ${2:95%}: full; >= ${3:90%}: ${4:80%}; >= ${5:80%}: ${6:60%}; else: 0 }' },
  { label: '得分 分档', detail: { zh: '分档评分', en: 'banded score' }, body: '得分 分档 ${1:${INPUT}} { >= ${2:95%}: 满分; >= ${3:90%}: ${4:80%}; >= ${5:80%}: ${6:60%}; 其余: 0 }' },
  { label: 'score ratio', detail: { zh: '比例评分：分值 × min(实际/目标, 1)', en: 'ratio: weight × min(actual/target, 1)' }, body: 'score ratio ${1:${INPUT}} target ${2:90%}' },
  { label: '得分 比例', detail: { zh: '比例评分：分值 × min(实际/目标, 1)', en: 'ratio: weight × min(actual/target, 1)' }, body: '得分 比例 ${1:${INPUT}} 目标值 ${2:90%}' },
  { label: 'score deduct', detail: { zh: '扣分，扣完为止', en: 'deduction, floored at 0' }, body: 'score deduct ${1:0.5} per ${2:${INPUT}} max ${3:3}' },
  { label: '得分 扣', detail: { zh: '扣分，扣完为止', en: 'deduction, floored at 0' }, body: '得分 扣 ${1:0.5} 每 ${2:${INPUT}} 最多 ${3:3}' },
  { label: 'score manual', detail: { zh: '人工评分（分数类型的输入）', en: 'manual score (an input of type score)' }, body: 'score manual ${1:${INPUT}}' },
  { label: '得分 人工', detail: { zh: '人工评分（分数类型的输入）', en: 'manual score (an input of type score)' }, body: '得分 人工 ${1:${INPUT}}' },
  { label: 'score ? full : 0', detail: { zh: '条件评分', en: 'conditional score' }, body: 'score ${1:${INPUT}} ? full : ${2:0}' },
  { label: '得分 ? 满分 : 0', detail: { zh: '条件评分', en: 'conditional score' }, body: '得分 ${1:${INPUT}} ? 满分 : ${2:0}' },
  { label: 'indicator { }', detail: { zh: '指标', en: 'indicator' }, body: 'indicator ${1:名称} weight ${2:10} {\n\t$0\n}' },
  { label: '指标 { }', detail: { zh: '指标', en: 'indicator' }, body: '指标 ${1:名称} 分值 ${2:10} {\n\t$0\n}' },
  { label: 'na when', detail: { zh: '不适用条件', en: 'not-applicable condition' }, body: 'na when ${1:${INPUT}} == 0' },
  { label: '不适用 当', detail: { zh: '不适用条件', en: 'not-applicable condition' }, body: '不适用 当 ${1:${INPUT}} == 0' },
  { label: 'input', detail: { zh: '输入声明', en: 'input declaration' }, body: 'input ${1:名称}: ${2|percent,money(万元),money(元),number,count,bool,score|}' },
  { label: 'grades { }', detail: { zh: '等级', en: 'grades' }, body: 'grades { 优 >= ${1:90}; 良 >= ${2:80}; 中 >= ${3:60}; 差 otherwise }' },
  { label: 'test { }', detail: { zh: '测试块', en: 'test block' }, body: 'test "${1:名称}" {\n\tgiven { $2 }\n\texpect total == ${3:90}\n\texpect grade == ${4:优}\n}' },
  { label: '测试 { }', detail: { zh: '测试块', en: 'test block' }, body: '测试 "${1:名称}" {\n\t给定 { $2 }\n\t期望 总分 == ${3:90}\n\t期望 等级 == ${4:优}\n}' },
];
