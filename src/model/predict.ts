/**
 * Plain types of the predict stage (src/predict/): lower floors (the Run store, profiles,
 * writers) see predictions only through these.
 */

/** One customer as the models see it, in days: the standard (frequency, recency, T) summary. */
export interface CustomerHistory {
  /** Repeat purchases: orders after the first. */
  x: number;
  /** Days from the first to the last order. */
  tx: number;
  /** Days from the first order to the end of the observed period. */
  T: number;
  /** Mean value of the customer's orders (NaN when the log has no amounts). */
  meanValue: number;
  /** Orders that mean is over. */
  orders: number;
}

/** BG/NBD: purchase rate λ ~ Gamma(r, α) per day, drop-out after each repeat purchase with p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Gamma-Gamma: order values ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** What each customer is predicted to do, from the model fitted on the whole log. */
export interface CustomerPrediction {
  id: string;
  /** Orders so far, and their net spend (NaN without amounts): the "high value" of the past. */
  orders: number;
  pastSpend: number;
  /** Expected orders in the next `days` days. */
  expectedPurchases: number;
  /** Probability the customer is still active (has not dropped out). */
  pAlive: number;
  /** Probability of at least one order in the next 30 days. */
  pBuy30: number;
  /** Expected value of one order (Gamma-Gamma), NaN without amounts. */
  expectedOrderValue: number;
  /** Expected spend over the next `days` days. */
  expectedSpend: number;
  /** Expected spend over the lifetime-value window (undiscounted). */
  clv: number;
  /** Median date of the next order if the customer is still active (YYYY-MM-DD). */
  nextOrderDate: string;
}

export interface ModelQuality {
  purchases_spearman: number;
  /** Null when the log has no amounts. */
  spend_spearman: number | null;
  churn_auc: number;
  /** Share of holdout orders made by the top 10% of predicted buyers, divided by 10%. */
  top_decile_lift: number;
}

export interface DecileRow {
  /** 1 = the customers predicted to buy most. */
  decile: number;
  customers: number;
  predicted: number;
  actual: number;
}

export interface Backtest extends ModelQuality {
  holdoutDays: number;
  /** The calibration period ends here; the holdout window runs from here to the last event. */
  cutoff: string;
  end: string;
  customers: number;
  repeatCustomers: number;
  baseline: ModelQuality;
  /** Mean predicted vs actual holdout orders by decile of predicted orders. */
  calibration: DecileRow[];
  params: { bgnbd: BgNbdParams; gammaGamma?: GammaGammaParams };
}

/** A segment's predicted traits (mean over its members) — what profiles, briefs and writers cite. */
export interface PredictedTraits {
  /** Mean expected spend over the lifetime-value window (null when the log has no amounts). */
  clv: number | null;
  clvDays: number;
  /** Share of members with P(alive) < 0.5. */
  churnRisk: number;
  /** Mean probability of an order in the next 30 days. */
  buy30: number;
  /** Mean P(alive). */
  pAlive: number;
  /** Members with a prediction (the means are over these). */
  customers: number;
  /** The same figures over all customers, for comparison. */
  overall: { clv: number | null; churnRisk: number; buy30: number; pAlive: number };
}

/** What `segmenta predict` stores in a Run (run.json `predictions`; per customer in predictions.csv/json). */
export interface PredictionRecord {
  file: string;
  createdAt: string;
  /** The log's last event: predictions look forward from here. */
  asOf: string;
  days: number;
  clvDays: number;
  customers: number;
  params: { bgnbd: BgNbdParams; gammaGamma?: GammaGammaParams };
  spendNote?: string;
  backtest?: Backtest;
  /** Predicted traits per segment id (Run customers without a prediction are left out of the means). */
  segments: Record<number, PredictedTraits>;
  /** Run customers the log has no orders for. */
  unmatched: number;
}
