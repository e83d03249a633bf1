// The interface's words, Chinese first with an English twin. Static text carries data-i18n keys;
// panels call t() when they render, and re-render when the language changes.

const WORDS = {
  appTitle: ['规则集练习场', 'Ruleset playground'],
  ruleset: ['规则集', 'Ruleset'],
  share: ['复制分享链接', 'Copy share link'],
  restore: ['恢复旧版本…', 'Restore…'],
  reset: ['重置为内置版本', 'Reset to shipped'],
  sampleUnits: ['样本单位', 'Sample units'],
  addRow: ['添加行', 'Add row'],
  import: ['导入 CSV / XLSX', 'Import CSV / XLSX'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  tabResults: ['结果', 'Results'],
  tabTests: ['测试', 'Tests'],
  tabCompile: ['编译输出', 'Compiled'],
  tabProblems: ['问题', 'Problems'],
  cancel: ['取消', 'Cancel'],
  ok: ['确定', 'OK'],
  loadingEditor: ['编辑器加载中…', 'Loading the editor…'],
  saved: ['已自动保存', 'Saved'],
  savedAt: ['已自动保存 {time}', 'Saved {time}'],
  saveFailed: ['无法保存到本机（存储已满或被禁用）：请用“复制分享链接”保存', 'Cannot save in this browser (storage full or disabled): use “Copy share link”'],
  errors: ['{n} 个错误', '{n} error(s)'],
  warnings: ['{n} 个警告', '{n} warning(s)'],
  noProblems: ['没有问题', 'No problems'],
  shared: ['分享链接', 'Shared link'],
  builtIn: ['示例', 'Example'],
  linkLoaded: ['已打开分享链接中的规则集与数据（保存在“分享链接”一项中）', 'Opened the ruleset and data from the share link (kept under “Shared link”)'],
  linkBroken: ['分享链接已损坏或不完整，无法打开；未改动任何内容', 'The share link is damaged or incomplete and cannot be opened; nothing was changed'],
  linkCopied: ['分享链接已复制到剪贴板', 'Share link copied to the clipboard'],
  linkReady: ['分享链接（已放入地址栏）：', 'Share link (now in the address bar):'],
  resetAsk: ['将“{name}”重置为内置版本？当前内容会保留在“恢复旧版本”中。', 'Reset “{name}” to the shipped version? The current text stays available under “Restore”.'],
  resetDone: ['已重置为内置版本', 'Reset to the shipped version'],
  restoreAsk: ['选择要恢复的版本（当前内容也会先保留）：', 'Pick a version to restore (the current one is kept first):'],
  restoreNone: ['还没有旧版本', 'No earlier versions yet'],
  restored: ['已恢复', 'Restored'],
  staleResults: ['规则集有错误：下面是上一个无错误版本的结果', 'The ruleset has errors: results below are from the last version without errors'],
  noResults: ['规则集有错误，修正后显示结果', 'Fix the errors to see results'],
  noUnits: ['没有样本单位：在左下表格中添加一行', 'No sample units: add a row to the table'],
  unit: ['单位', 'Unit'],
  total: ['总分', 'Total'],
  grade: ['等级', 'Grade'],
  outcome: ['结果应用', 'Outcome'],
  adjust: ['预算调整 {v}', 'budget adjustment {v}'],
  alerts: ['预警', 'Alerts'],
  noAlerts: ['无预警', 'No alerts'],
  na: ['不适用', 'N/A'],
  summary: ['全部单位汇总', 'All units'],
  gradeCounts: ['各等级数量', 'Units per grade'],
  histogram: ['总分分布', 'Totals'],
  unitError: ['出错', 'error'],
  testsNone: ['文件中没有 test 块', 'The file has no test blocks'],
  testsBlocked: ['规则集有错误，测试未运行', 'The ruleset has errors; tests did not run'],
  testsSummary: ['{pass} 个通过，{fail} 个失败', '{pass} passed, {fail} failed'],
  copy: ['复制', 'Copy'],
  download: ['下载', 'Download'],
  copied: ['已复制', 'Copied'],
  compileBlocked: ['规则集有错误，修正后显示编译结果', 'Fix the errors to see the compiled output'],
  duplicateRow: ['复制此行', 'Duplicate row'],
  deleteRow: ['删除此行', 'Delete row'],
  importDone: ['已导入 {n} 行（{file}，{enc}）', 'Imported {n} rows ({file}, {enc})'],
  importFailed: ['无法读取文件 {file}：{why}', 'Cannot read {file}: {why}'],
  importUnknown: ['未用到的列：{cols}', 'Columns not used: {cols}'],
  rowsErrors: ['{n} 行数据有误（标红的单元格）', '{n} rows have bad data (cells in red)'],
  crash: ['练习场内部出错（不是规则集的问题），内容已保存。请把规则集与此信息一并报告：', 'The playground failed (not your ruleset); your work is saved. Please report the ruleset with this message:'],
  fullWidthLine: ['将本行全角标点改为半角', 'Use ASCII punctuation on this line'],
  fullWidthAll: ['将全文全角标点改为半角', 'Use ASCII punctuation everywhere'],
  fullWidthHint: ['全角标点“{c}”与“{a}”含义相同', 'Full-width “{c}” means the same as “{a}”'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
} as const satisfies Record<string, readonly [string, string]>;

export type WordKey = keyof typeof WORDS;
export type Lang = 'zh' | 'en';

let lang: Lang = 'zh';
const listeners: (() => void)[] = [];

export function currentLang(): Lang {
  return lang;
}

export function t(key: WordKey, vars: Record<string, string | number> = {}): string {
  const text = WORDS[key][lang === 'zh' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** A message from the compiler in the interface language. */
export function pick(m: { readonly zh: string; readonly en: string }): string {
  return m[lang];
}

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as WordKey);
  listeners.forEach((f) => f());
}

export function onLangChange(f: () => void): void {
  listeners.push(f);
}
