export type { BlockInfo, EmbedResult, EmbeddingModel, TextEmbedder, TextModel, Vectors } from '../model/vectors.js';
export { fitEmbedding } from './fit.js';
export { applyEmbedding } from './apply.js';
export { tfidf, fitTfidf, transformTfidf, tfidfRow, type Csr, type TfidfOptions, type TfidfVocabulary } from './tfidf.js';
export { svd, csrOperator, denseOperator, type LinearOperator, type SvdOptions, type SvdResult } from './svd.js';
export { tokenize, terms } from '../util/tokenize.js';
export { BLOCK_IMPORTANCE } from './weights.js';
export { POOLED_LEVEL, RARE_SHARE } from './categorical-block.js';
export { TFIDF_RANK, EMBEDDER_RANK } from './text-block.js';
