import type { Language } from '../util/script.js';

/**
 * What the offline intent parser says back in a Run's language: the follow-up questions when
 * a request names no segment or file, the caveats on what cannot be honoured, and its help.
 * The examples in Chinese are ones the parser reads (intent.ts readChinese); the English ones
 * are the English parser's own. Language names given by the user are echoed as typed.
 */
export interface IntentWords {
  hello: string;
  help: string[];
  whichQuotes: string;
  whichTwo: string;
  whichLookalike: string;
  whichCopy: string;
  whichPersona: string;
  whichFile: string;
  noRun: string;
  /** The language asked for is not one segmenta writes; the answer is in the Run's. */
  notWritten: (asked: string, written: string, runLang: string, target: string) => string;
  /** The Run is in another language than asked; copy can be had in it. */
  runIsIn: (runLang: string, asked: string, target: string, code: string) => string;
  offlineLanguage: (written: string, asked: string, target: string) => string;
  offlineTone: (tone: string) => string;
  /** "segment 2" in an example request. */
  target: (words: string) => string;
  languageNames: Record<Language, string>;
  and: string;
}

export const INTENT_WORDS: Record<Language, IntentWords> = {
  en: {
    hello: 'Hi! Ask me about your segments, e.g. "show biggest", "brief most valuable" or "compare 1 and 2". /help lists everything.',
    help: [],
    whichQuotes: 'Which segment? e.g. "what do customers in segment 3 say about delivery?"',
    whichTwo: 'Which two segments? e.g. "compare 1 and 2".',
    whichLookalike: 'Lookalikes of which segment? e.g. "lookalikes of segment 2".',
    whichCopy: 'For which segment? e.g. "write an email for segment 2" or "sms for the biggest segment".',
    whichPersona: 'Whose persona? e.g. "persona 2".',
    whichFile: 'Which file? e.g. "segment examples/customers.csv".',
    noRun: 'There is no Run yet. Segment a file first, e.g. "segment examples/customers.csv".',
    notWritten: (asked, written, runLang, target) => `${asked} is not a language segmenta writes (${written}), so this is in ${runLang}. With an LLM configured, copy can be written in ${asked}: "sms for ${target} in ${asked}".`,
    runIsIn: (runLang, asked, target, code) => `This Run is written in ${runLang}, so this is too. Copy can be written in ${asked} now: "sms for ${target} in ${asked}"; a Run made with --lang ${code} is written in ${asked} throughout.`,
    offlineLanguage: (written, asked, target) => `The offline writer writes ${written}, not ${asked}. Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) for copy in ${asked}, or ask for it in one of those: "sms for ${target} in Chinese".`,
    offlineTone: (tone) => `The offline writer has friendly, playful, formal and urgent tones, not "${tone}": this is written friendly. An LLM (OPENAI_API_KEY) can write any tone.`,
    target: (words) => (!words ? 'segment 1' : /^\d+$/.test(words) ? `segment ${words}` : words),
    languageNames: { en: 'English', zh: 'Chinese' },
    and: ' and ',
  },
  zh: {
    hello: '你好！可以问我关于人群的问题，例如“显示最大的人群”“最有价值的人群的简报”或“对比1和2”。输入 /help 查看全部命令。',
    help: [
      '没有配置大模型时，我能听懂这样的请求：',
      '  所有人群',
      '  显示第2个人群 / 介绍一下沉睡客户 / 最有价值的人群',
      '  人群2的画像',
      '  给最大的人群写一条短信 / 给人群1写邮件',
      '  人群1的简报',
      '  对比1和2',
      '  人群3的客户怎么说配送',
      '  对 data.csv 分群',
      '  导出人群2 / 人群1的相似人群 / 报告 / 评估',
      '也可以用斜杠命令（/help 查看全部）。设置 OPENAI_API_KEY（任意兼容 OpenAI 的服务再加 OPENAI_BASE_URL）即可和大模型自由对话。',
    ],
    whichQuotes: '哪个人群？例如：“人群3的客户怎么说配送”。',
    whichTwo: '对比哪两个人群？例如：“对比1和2”。',
    whichLookalike: '找哪个人群的相似人群？例如：“人群2的相似人群”。',
    whichCopy: '给哪个人群写？例如：“给人群2写邮件”或“给最大的人群写一条短信”。',
    whichPersona: '看哪个人群的画像？例如：“人群2的画像”。',
    whichFile: '用哪个文件？例如：“对 examples/customers.csv 分群”。',
    noRun: '还没有分群结果。先对一个文件分群，例如：“对 examples/customers.csv 分群”。',
    notWritten: (asked, written, runLang) => `segmenta 不会用“${asked}”撰写（只支持${written}），所以这里用${runLang}。配置大模型后，文案可以用“${asked}”撰写。`,
    runIsIn: (runLang, asked, _target, code) => `这次 Run 是用${runLang}撰写的，所以这里也用${runLang}。文案现在就可以用“${asked}”重写；用 --lang ${code} 新建的 Run 会全部用“${asked}”撰写。`,
    offlineLanguage: (written, asked) => `离线撰写只支持${written}，不支持“${asked}”。设置 OPENAI_API_KEY（本地服务用 OPENAI_BASE_URL）即可用“${asked}”写文案，或者换成这两种语言之一。`,
    offlineTone: (tone) => `离线撰写有亲切、活泼、正式和紧迫几种语气，没有“${tone}”：这次按亲切的语气撰写。配置大模型（OPENAI_API_KEY）后可以用任何语气。`,
    target: (words) => (!words ? '人群1' : /^\d+$/.test(words) ? `人群${words}` : words),
    languageNames: { en: '英语', zh: '简体中文' },
    and: '和',
  },
};
