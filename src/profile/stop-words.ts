/**
 * English stop words for distinctive terms: function words (close to scikit-learn's list,
 * which BERTopic's vectorizer uses) plus the fillers of short reviews ("really", "just"),
 * which c-TF-IDF would otherwise rank for whichever segment writes the most.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among
  amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
  becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
  could did do does doing done down due during each eg either else elsewhere enough etc even ever every everyone
  everything everywhere except few for former formerly from further get gets getting got had has have having he
  hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie if in indeed into is
  it its itself just keep last latter latterly least less let like ltd made make many may me meanwhile might mine
  more moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not
  nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
  per perhaps please put quite rather re really same see seem seemed seeming seems several she should since so some
  somehow someone something sometime sometimes somewhere still such than that the their theirs them themselves then
  thence there thereafter thereby therefore therein thereupon these they thing things this those though through
  throughout thru thus to together too toward towards under until up upon us very via was we well were what whatever
  when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
  whoever whole whom whose why will with within without would yet you your yours yourself yourselves
  im ive id dont didnt doesnt isnt wasnt arent cant couldnt wont wouldnt shouldnt youre theyre thats theres
  lot lots bit pretty definitely actually basically overall ok okay yes yeah oh anyway`
    .split(/\s+/)
    .filter(Boolean),
);
