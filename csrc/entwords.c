/*
** entwords.c: the closed-class words of the entity rules.  The table is
** hashed once per process (pthread_once) with the scanner's own hash, so
** a token's class costs one probe of a small open-addressing table and a
** byte compare to rule out hash collisions.
*/
#include <pthread.h>
#include <string.h>

#include "entwords.h"
#include "swar.h"

typedef struct ew_word {
  const char *word;     /* lower case */
  uint32_t cls;         /* WC_* */
  int32_t value;
} ew_word;

/* {======================================================
** The words
** ======================================================= */

static const ew_word words[] = {
  /* months, full and abbreviated */
  {"january", WC_MONTH, 1}, {"february", WC_MONTH, 2},
  {"march", WC_MONTH, 3}, {"april", WC_MONTH, 4}, {"may", WC_MONTH, 5},
  {"june", WC_MONTH, 6}, {"july", WC_MONTH, 7}, {"august", WC_MONTH, 8},
  {"september", WC_MONTH, 9}, {"october", WC_MONTH, 10},
  {"november", WC_MONTH, 11}, {"december", WC_MONTH, 12},
  {"jan.", WC_MONTH, 1}, {"feb.", WC_MONTH, 2}, {"mar.", WC_MONTH, 3},
  {"apr.", WC_MONTH, 4}, {"jun.", WC_MONTH, 6}, {"jul.", WC_MONTH, 7},
  {"aug.", WC_MONTH, 8}, {"sep.", WC_MONTH, 9}, {"sept.", WC_MONTH, 9},
  {"oct.", WC_MONTH, 10}, {"nov.", WC_MONTH, 11}, {"dec.", WC_MONTH, 12},
  /* wire style without the period ('Dec 5'): only with a figure */
  {"jan", WC_MONTH, 1}, {"feb", WC_MONTH, 2}, {"mar", WC_MONTH, 3},
  {"apr", WC_MONTH, 4}, {"jun", WC_MONTH, 6}, {"jul", WC_MONTH, 7},
  {"aug", WC_MONTH, 8}, {"sep", WC_MONTH, 9}, {"sept", WC_MONTH, 9},
  {"oct", WC_MONTH, 10}, {"nov", WC_MONTH, 11}, {"dec", WC_MONTH, 12},
  /* weekdays */
  {"monday", WC_WEEKDAY, 1}, {"tuesday", WC_WEEKDAY, 2},
  {"wednesday", WC_WEEKDAY, 3}, {"thursday", WC_WEEKDAY, 4},
  {"friday", WC_WEEKDAY, 5}, {"saturday", WC_WEEKDAY, 6},
  {"sunday", WC_WEEKDAY, 7},
  {"mon.", WC_WEEKDAY, 1}, {"tue.", WC_WEEKDAY, 2}, {"tues.", WC_WEEKDAY, 2},
  {"wed.", WC_WEEKDAY, 3}, {"thu.", WC_WEEKDAY, 4}, {"thur.", WC_WEEKDAY, 4},
  {"thurs.", WC_WEEKDAY, 4}, {"fri.", WC_WEEKDAY, 5},
  {"sat.", WC_WEEKDAY, 6}, {"sun.", WC_WEEKDAY, 7},
  /* parts of a day */
  {"morning", WC_DAYPART, 0}, {"afternoon", WC_DAYPART, 0},
  {"evening", WC_DAYPART, 0}, {"night", WC_DAYPART, 0},
  {"overnight", WC_DAYPART, 0},
  /* number words */
  {"one", WC_NUMWORD, 1}, {"two", WC_NUMWORD, 2}, {"three", WC_NUMWORD, 3},
  {"four", WC_NUMWORD, 4}, {"five", WC_NUMWORD, 5}, {"six", WC_NUMWORD, 6},
  {"seven", WC_NUMWORD, 7}, {"eight", WC_NUMWORD, 8},
  {"nine", WC_NUMWORD, 9}, {"ten", WC_NUMWORD, 10},
  {"eleven", WC_NUMWORD, 11}, {"twelve", WC_NUMWORD, 12},
  {"thirteen", WC_NUMWORD, 13}, {"fourteen", WC_NUMWORD, 14},
  {"fifteen", WC_NUMWORD, 15}, {"sixteen", WC_NUMWORD, 16},
  {"seventeen", WC_NUMWORD, 17}, {"eighteen", WC_NUMWORD, 18},
  {"nineteen", WC_NUMWORD, 19}, {"twenty", WC_NUMWORD, 20},
  {"thirty", WC_NUMWORD, 30}, {"forty", WC_NUMWORD, 40},
  {"fifty", WC_NUMWORD, 50}, {"sixty", WC_NUMWORD, 60},
  {"seventy", WC_NUMWORD, 70}, {"eighty", WC_NUMWORD, 80},
  {"ninety", WC_NUMWORD, 90}, {"dozen", WC_NUMWORD, 12},
  /* scales after a number */
  {"hundred", WC_SCALE, 100}, {"thousand", WC_SCALE, 1000},
  {"million", WC_SCALE, 1000000}, {"billion", WC_SCALE, 0},
  {"trillion", WC_SCALE, 0}, {"bn", WC_SCALE, 0}, {"mn", WC_SCALE, 0},
  {"m", WC_SCALE, 0}, {"k", WC_SCALE, 0}, {"tn", WC_SCALE, 0},
  {"tens", WC_SCALE_PL, 0}, {"hundreds", WC_SCALE_PL, 0},
  {"thousands", WC_SCALE_PL, 0}, {"millions", WC_SCALE_PL, 0},
  {"billions", WC_SCALE_PL, 0}, {"trillions", WC_SCALE_PL, 0},
  {"dozens", WC_SCALE_PL, 0 },
  /* ordinals; 'second' is a unit of time too */
  {"first", WC_ORDWORD, 1}, {"second", WC_ORDWORD | WC_TIMEUNIT, 2},
  {"third", WC_ORDWORD, 3}, {"fourth", WC_ORDWORD, 4},
  {"fifth", WC_ORDWORD, 5}, {"sixth", WC_ORDWORD, 6},
  {"seventh", WC_ORDWORD, 7}, {"eighth", WC_ORDWORD, 8},
  {"ninth", WC_ORDWORD, 9}, {"tenth", WC_ORDWORD, 10},
  {"eleventh", WC_ORDWORD, 11}, {"twelfth", WC_ORDWORD, 12},
  {"twentieth", WC_ORDWORD, 20}, {"hundredth", WC_ORDWORD, 100},
  /* periods of a day or more, and under a day */
  {"day", WC_DATEUNIT, 0}, {"days", WC_DATEUNIT, 0},
  {"week", WC_DATEUNIT, 0}, {"weeks", WC_DATEUNIT, 0},
  {"weekend", WC_DATEUNIT, 0}, {"weekends", WC_DATEUNIT, 0},
  {"fortnight", WC_DATEUNIT, 0},
  {"month", WC_DATEUNIT, 0}, {"months", WC_DATEUNIT, 0},
  {"year", WC_DATEUNIT, 0}, {"years", WC_DATEUNIT, 0},
  {"decade", WC_DATEUNIT, 0}, {"decades", WC_DATEUNIT, 0},
  {"century", WC_DATEUNIT, 0}, {"centuries", WC_DATEUNIT, 0},
  {"quarter", WC_DATEUNIT, 0}, {"winter", WC_DATEUNIT, 0},
  {"spring", WC_DATEUNIT, 0}, {"summer", WC_DATEUNIT, 0},
  {"autumn", WC_DATEUNIT, 0}, {"fall", WC_DATEUNIT, 0},
  {"seconds", WC_TIMEUNIT, 0}, {"minute", WC_TIMEUNIT, 0},
  {"minutes", WC_TIMEUNIT, 0}, {"hour", WC_TIMEUNIT, 0},
  {"hours", WC_TIMEUNIT, 0},
  /* measures */
  {"km", WC_UNIT, 0}, {"kilometers", WC_UNIT, 0},
  {"kilometres", WC_UNIT, 0}, {"kilometer", WC_UNIT, 0},
  {"kilometre", WC_UNIT, 0}, {"miles", WC_UNIT, 0}, {"mile", WC_UNIT, 0},
  {"meters", WC_UNIT, 0}, {"metres", WC_UNIT, 0}, {"meter", WC_UNIT, 0},
  {"metre", WC_UNIT, 0}, {"feet", WC_UNIT, 0}, {"foot", WC_UNIT, 0},
  {"tons", WC_UNIT, 0}, {"tonnes", WC_UNIT, 0}, {"ton", WC_UNIT, 0},
  {"tonne", WC_UNIT, 0}, {"kilograms", WC_UNIT, 0}, {"kg", WC_UNIT, 0},
  {"pounds", WC_UNIT | WC_CURRENCY, 0}, {"barrels", WC_UNIT, 0},
  {"gallons", WC_UNIT, 0}, {"liters", WC_UNIT, 0}, {"litres", WC_UNIT, 0},
  {"acres", WC_UNIT, 0}, {"hectares", WC_UNIT, 0},
  {"megawatts", WC_UNIT, 0}, {"gigawatts", WC_UNIT, 0},
  {"mw", WC_UNIT, 0}, {"gw", WC_UNIT, 0}, {"bcm", WC_UNIT, 0},
  {"cubic", WC_UNITMOD, 0}, {"square", WC_UNITMOD, 0},
  {"nautical", WC_UNITMOD, 0},
  /* currencies after a number */
  {"dollars", WC_CURRENCY, 0}, {"dollar", WC_CURRENCY, 0},
  {"euros", WC_CURRENCY, 0}, {"euro", WC_CURRENCY, 0},
  {"rubles", WC_CURRENCY, 0}, {"roubles", WC_CURRENCY, 0},
  {"hryvnias", WC_CURRENCY, 0}, {"hryvnia", WC_CURRENCY, 0},
  {"yuan", WC_CURRENCY, 0}, {"yen", WC_CURRENCY, 0},
  {"sterling", WC_CURRENCY, 0}, {"francs", WC_CURRENCY, 0},
  {"cents", WC_CURRENCY, 0},
  {"percent", WC_PERCENT, 0}, {"pct", WC_PERCENT, 0},
  {"percentage", 0, 0},
  /* approximators, kept inside numbers */
  {"some", WC_APPROX, 0}, {"about", WC_APPROX, 0},
  {"around", WC_APPROX, 0}, {"nearly", WC_APPROX, 0},
  {"almost", WC_APPROX, 0}, {"roughly", WC_APPROX, 0},
  {"approximately", WC_APPROX, 0}, {"over", WC_APPROX, 0},
  {"under", WC_APPROX, 0}, {"more", WC_APPROX, 0},
  {"less", WC_APPROX, 0}, {"fewer", WC_APPROX, 0},
  {"up", WC_APPROX, 0}, {"at", WC_APPROX, 0}, {"least", 0, 0},
  {"an", WC_ARTICLE, 0}, {"estimated", WC_APPROX, 0},
  {"as", WC_APPROX, 0}, {"only", WC_APPROX, 0},
  {"just", WC_APPROX, 0}, {"than", 0, 0},
  /* relative dates */
  {"last", WC_RELDATE, 0}, {"next", WC_RELDATE, 0},
  {"this", WC_RELDATE | WC_FUNC, 0}, {"past", WC_RELDATE, 0},
  {"previous", WC_RELDATE, 0}, {"coming", WC_RELDATE, 0},
  {"recent", WC_RELDATE, 0}, {"following", WC_RELDATE, 0},
  {"earlier", WC_AGO | WC_RELDATE, 0}, {"later", WC_AGO | WC_RELDATE, 0},
  {"ago", WC_AGO, 0},
  {"early", WC_EDGE, 0}, {"late", WC_EDGE, 0}, {"mid", WC_EDGE, 0},
  {"end", WC_EDGE, 0}, {"beginning", WC_EDGE, 0}, {"start", WC_EDGE, 0},
  {"middle", WC_EDGE, 0},
  {"today", WC_DATEWORD, 0}, {"yesterday", WC_DATEWORD, 0},
  {"tomorrow", WC_DATEWORD, 0},
  {"tonight", WC_TIMEWORD, 0}, {"noon", WC_TIMEWORD, 0},
  {"midnight", WC_TIMEWORD, 0},
  {"a.m.", WC_AMPM, 0}, {"p.m.", WC_AMPM, 0}, {"am", WC_AMPM, 0},
  {"pm", WC_AMPM, 0},
  {"gmt", WC_TZ, 0}, {"utc", WC_TZ, 0}, {"et", WC_TZ, 0},
  {"edt", WC_TZ, 0}, {"est", WC_TZ, 0}, {"cet", WC_TZ, 0},
  {"msk", WC_TZ, 0},
  {"several", WC_FEW, 0}, {"few", WC_FEW, 0}, {"couple", WC_FEW, 0},
  {"many", WC_FEW, 0},
  {"each", WC_EACH | WC_DETERM, 0}, {"every", WC_EACH | WC_DETERM, 0},
  /* articles, determiners, connectors, prepositions */
  {"the", WC_ARTICLE | WC_DETERM | WC_FUNC | WC_CONNECT, 0},
  {"a", WC_ARTICLE | WC_FUNC, 0},
  {"no", WC_DETERM | WC_FUNC, 0}, {"any", WC_DETERM | WC_FUNC, 0},
  {"that", WC_DETERM | WC_FUNC, 0}, {"which", WC_DETERM | WC_FUNC, 0},
  {"of", WC_CONNECT | WC_YEARPREP | WC_FUNC, 0},
  {"for", WC_CONNECT | WC_FUNC, 0}, {"and", WC_CONNECT | WC_FUNC, 0},
  /* name particles: inside names of places, bodies and people */
#define NP (WC_CONNECT | WC_PARTICLE)
  {"de", NP, 0}, {"du", NP, 0}, {"des", NP, 0}, {"la", NP, 0},
  {"von", NP, 0}, {"van", NP, 0}, {"der", NP, 0}, {"den", NP, 0},
  {"da", NP, 0}, {"al", NP, 0}, {"bin", NP, 0}, {"el", NP, 0},
  {"di", NP, 0}, {"dos", NP, 0}, {"del", NP, 0}, {"ibn", NP, 0},
#undef NP
  {"on", WC_CONNECT | WC_YEARPREP | WC_FUNC, 0},
  {"in", WC_PLACEPREP | WC_YEARPREP | WC_FUNC | WC_CONNECT, 0},
  {"from", WC_PLACEPREP | WC_YEARPREP | WC_FUNC, 0},
  {"near", WC_PLACEPREP, 0}, {"outside", WC_PLACEPREP, 0},
  {"across", WC_PLACEPREP, 0}, {"inside", WC_PLACEPREP, 0},
  {"since", WC_YEARPREP | WC_FUNC, 0}, {"until", WC_YEARPREP | WC_FUNC, 0},
  {"by", WC_YEARPREP | WC_FUNC, 0}, {"before", WC_YEARPREP | WC_FUNC, 0},
  {"after", WC_YEARPREP | WC_FUNC, 0}, {"during", WC_YEARPREP | WC_FUNC, 0},
  {"between", WC_YEARPREP | WC_FUNC, 0}, {"through", WC_YEARPREP, 0},
  /* function words that open sentences and are never names */
  {"but", WC_FUNC, 0}, {"if", WC_FUNC, 0}, {"when", WC_FUNC, 0},
  {"while", WC_FUNC, 0}, {"as", WC_APPROX | WC_FUNC, 0},
  {"it", WC_FUNC, 0}, {"its", WC_FUNC, 0}, {"he", WC_FUNC, 0},
  {"she", WC_FUNC, 0}, {"we", WC_FUNC, 0}, {"they", WC_FUNC, 0},
  {"i", WC_FUNC, 0}, {"you", WC_FUNC, 0}, {"his", WC_FUNC, 0},
  {"her", WC_FUNC, 0}, {"our", WC_FUNC, 0}, {"their", WC_FUNC, 0},
  {"my", WC_FUNC, 0}, {"your", WC_FUNC, 0}, {"these", WC_FUNC, 0},
  {"those", WC_FUNC, 0}, {"there", WC_FUNC, 0}, {"here", WC_FUNC, 0},
  {"what", WC_FUNC, 0}, {"who", WC_FUNC, 0}, {"why", WC_FUNC, 0},
  {"how", WC_FUNC, 0}, {"where", WC_FUNC, 0}, {"despite", WC_FUNC, 0},
  {"although", WC_FUNC, 0}, {"though", WC_FUNC, 0}, {"yet", WC_FUNC, 0},
  {"so", WC_FUNC, 0}, {"or", WC_FUNC, 0}, {"nor", WC_FUNC, 0},
  {"not", WC_FUNC, 0}, {"with", WC_FUNC, 0}, {"without", WC_FUNC, 0},
  {"against", WC_FUNC, 0}, {"amid", WC_FUNC, 0}, {"among", WC_FUNC, 0},
  {"also", WC_FUNC, 0}, {"still", WC_FUNC, 0}, {"then", WC_FUNC, 0},
  {"meanwhile", WC_FUNC, 0}, {"however", WC_FUNC, 0},
  {"instead", WC_FUNC, 0}, {"both", WC_FUNC, 0}, {"all", WC_FUNC, 0},
  {"is", WC_FUNC, 0}, {"are", WC_FUNC, 0}, {"was", WC_FUNC, 0},
  {"were", WC_FUNC, 0}, {"be", WC_FUNC, 0}, {"has", WC_FUNC, 0},
  {"have", WC_FUNC, 0}, {"had", WC_FUNC, 0}, {"do", WC_FUNC, 0},
  {"does", WC_FUNC, 0}, {"did", WC_FUNC, 0}, {"will", WC_FUNC, 0},
  {"would", WC_FUNC, 0}, {"can", WC_FUNC, 0}, {"could", WC_FUNC, 0},
  {"should", WC_FUNC, 0}, {"must", WC_FUNC, 0}, {"might", WC_FUNC, 0},
  {"after", WC_FUNC, 0}, {"once", WC_FUNC, 0}, {"even", WC_FUNC, 0},
  {"because", WC_FUNC, 0}, {"unless", WC_FUNC, 0}, {"whether", WC_FUNC, 0},
  {"asked", WC_FUNC, 0}, {"yes", WC_FUNC, 0}, {"well", WC_FUNC, 0},
  {"now", WC_FUNC, 0}, {"thank", WC_FUNC, 0}, {"thanks", WC_FUNC, 0},
  {"please", WC_FUNC, 0}, {"mr", WC_FUNC, 0}, {"okay", WC_FUNC, 0},
  {"ok", WC_FUNC, 0}, {"let", WC_FUNC, 0}, {"again", WC_FUNC, 0},
  {"according", WC_FUNC, 0}, {"asked", WC_FUNC, 0},
  /* points of the compass: 'the West' is a region */
  {"west", WC_COMPASS, 0}, {"east", WC_COMPASS, 0},
  {"north", WC_COMPASS, 0}, {"south", WC_COMPASS, 0},
  /* generic transcript labels and headings: never a speaker's name */
  {"question", WC_NAMENOUN, 0}, {"q", WC_NAMENOUN, 0},
  {"a", WC_ARTICLE | WC_FUNC | WC_NAMENOUN, 0},
  {"moderator", WC_NAMENOUN, 0}, {"operator", WC_NAMENOUN, 0},
  {"interviewer", WC_NAMENOUN, 0}, {"reporter", WC_NAMENOUN, 0},
  {"participant", WC_NAMENOUN, 0}, {"audience", WC_NAMENOUN, 0},
  {"note", WC_NAMENOUN, 0}, {"update", WC_NAMENOUN, 0},
  {"editor", WC_NAMENOUN, 0}, {"correction", WC_NAMENOUN, 0},
  {"related", WC_NAMENOUN, 0}, {"watch", WC_NAMENOUN, 0},
  {"read", WC_NAMENOUN, 0}, {"more", WC_APPROX | WC_NAMENOUN, 0},
  {"photo", WC_NAMENOUN, 0}, {"video", WC_NAMENOUN, 0},
  {"source", WC_NAMENOUN, 0}, {"sources", WC_NAMENOUN, 0},
  {"breaking", WC_NAMENOUN, 0}, {"analysis", WC_NAMENOUN, 0},
  {"opinion", WC_NAMENOUN, 0}, {"live", WC_NAMENOUN, 0},
};

#define NWORDS (sizeof words / sizeof words[0])
#define TABLE_BITS 10
#define TABLE_SIZE (1u << TABLE_BITS)

/* The table is split so that the probe of a token that is no listed word
** (most tokens) touches only 8 bytes a slot, 8 KB in all: it stays in
** the first-level cache.  'hot' holds the hash and the classes (merged
** when a word is listed twice; never 0, which marks an empty slot),
** 'cold' what a hit needs to confirm it and its value. */
typedef struct ew_hot {
  uint32_t hash;
  uint32_t cls;
} ew_hot;

typedef struct ew_cold {
  uint64_t text[2];     /* the word, zero-padded, as two swar_loads */
  int32_t value;
  uint16_t word;        /* index in 'words' */
  uint16_t len;
} ew_cold;

static ew_hot hot[TABLE_SIZE];
static ew_cold cold[TABLE_SIZE];

/* one bit per (mixed) hash value of a listed word, 4 KB: a token that is
** no listed word is told so by one bit, most of the time */
#define FILTER_BITS 15
static uint64_t filter[(1u << FILTER_BITS) / 64];

/* the filter bit of a token hash */
static uint32_t filter_bit(uint32_t h) {
  return (h * 0x2545F491u) >> (32 - FILTER_BITS);
}
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* }====================================================== */


/* {======================================================
** Building and probing
** ======================================================= */

/* the home slot of a token hash: multiplicative, since the scanner's
** hashes are not uniform in their low bits (and most probes are misses,
** which must hit an empty slot soon) */
static uint32_t home_slot(uint32_t h) {
  return (h * 0x9E3779B1u) >> (32 - TABLE_BITS);
}

/* the lower-case ASCII text 'w' equals 'text' (any case) of 'len' bytes */
static int same_word(const char *w, size_t wlen, const char *text,
                     size_t len) {
  if (wlen != len) return 0;
  for (size_t k = 0; k < len; k++) {
    unsigned char c = (unsigned char)text[k];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if (c != (unsigned char)w[k]) return 0;
  }
  return 1;
}

/* hash every word into the table (run once, by pthread_once); words with
** no class are only there as documentation and are left out */
static void build_table(void) {
  for (size_t k = 0; k < NWORDS; k++) {
    if (words[k].cls == 0) continue;
    size_t len = strlen(words[k].word);
    uint32_t h = annot_norm_hash(words[k].word, len);
    uint32_t s = home_slot(h);
    filter[filter_bit(h) / 64] |= (uint64_t)1 << (filter_bit(h) % 64);
    for (;;) {
      if (hot[s].cls == 0) {
        hot[s].hash = h;
        hot[s].cls = words[k].cls;
        cold[s].value = words[k].value;
        cold[s].word = (uint16_t)k;
        cold[s].len = (uint16_t)len;
        /* (no word is over 13 bytes: two loads hold it) */
        cold[s].text[0] = swar_load(words[k].word, len < 8 ? len : 8);
        if (len > 8)
          cold[s].text[1] = swar_load(words[k].word + 8, len < 16 ? len - 8 : 8);
        break;
      }
      if (hot[s].hash == h && same_word(words[cold[s].word].word,
                                        cold[s].len, words[k].word, len)) {
        hot[s].cls |= words[k].cls;   /* listed twice: merge the classes */
        if (words[k].value) cold[s].value = words[k].value;
        break;
      }
      s = (s + 1) & (TABLE_SIZE - 1);
    }
  }
}

/* a word with hash 'h' may be in the table (the filter's answer) */
static inline int may_be_listed(uint32_t h) {
  uint32_t b = filter_bit(h);
  return (filter[b / 64] >> (b % 64)) & 1;
}

/* the slot of the word with hash 'h' and text 'text', or -1 */
static int probe(uint32_t h, const char *text, size_t len) {
  if (!may_be_listed(h)) return -1;
  uint32_t s = home_slot(h);
  for (;;) {
    if (hot[s].cls == 0) return -1;
    if (hot[s].hash == h &&
        same_word(words[cold[s].word].word, cold[s].len, text, len))
      return (int)s;
    s = (s + 1) & (TABLE_SIZE - 1);
  }
}

/* The text[0..len) (len <= 16, 16 bytes readable) in lower case as two
** swar_loads in x[0..1], as the table keeps its words; 0 when it has a
** byte that is not ASCII (and so is no word of the table) */
static inline int fold_text(const char *text, size_t len, uint64_t x[2]) {
  uint64_t x0 = swar_load(text, 8), x1 = swar_load(text + 8, 8);
  if (len <= 8) {
    x0 = swar_keep(x0, len);
    x1 = 0;
  } else {
    x1 = swar_keep(x1, len - 8);
  }
  if ((x0 | x1) & SWAR_HIGHS) return 0;
  x[0] = swar_fold(x0);
  x[1] = swar_fold(x1);
  return 1;
}

/* probe for a word given by its hash and its folded text: two
** comparisons confirm a hit, with no loop over its bytes */
static inline int probe_folded(uint32_t h, const uint64_t x[2], size_t len) {
  uint32_t s = home_slot(h);
  for (;;) {
    if (hot[s].cls == 0) return -1;
    if (hot[s].hash == h && cold[s].len == len && cold[s].text[0] == x[0] &&
        cold[s].text[1] == x[1])
      return (int)s;
    s = (s + 1) & (TABLE_SIZE - 1);
  }
}

/* The classes of token 'i': a table probe by the token's hash (computed
** by the scanner already), confirmed by comparing the bytes. */
uint32_t entwords_class(const annot_doc *d, uint32_t i, int32_t *value) {
  pthread_once(&table_once, build_table);
  uint32_t start = d->tok_start[i], len = d->tok_end[i] - start;
  /* no word of the table is longer than 13 bytes: skip the probe */
  if (len > 13 || len == 0) return 0;
  int s = probe(d->tok_hash[i], d->text + start, len);
  if (s < 0) return 0;
  if (value != NULL) *value = cold[s].value;
  return hot[s].cls;
}

/* The classes of a block of the doc's words at once: the table is made
** ready once, not at every token. */
void entwords_classes(const annot_doc *d, uint32_t from, uint32_t to,
                      uint32_t *wc) {
  pthread_once(&table_once, build_table);
  if (to > d->ntok) to = d->ntok;
  for (uint32_t i = from; i < to; i++) {
    wc[i] = 0;
    if (d->tok_kind[i] != ANNOT_TOK_WORD) continue;
    uint32_t start = d->tok_start[i], len = d->tok_end[i] - start;
    /* no word of the table is longer than 13 bytes */
    if (len > 13 || len == 0) continue;
    /* most words are told apart by the filter; the others are compared
    ** 16 bytes at once where the text has them */
    uint32_t h = d->tok_hash[i];
    if (!may_be_listed(h)) continue;
    uint64_t x[2];
    int s = d->len - start >= 16 && fold_text(d->text + start, len, x)
              ? probe_folded(h, x, len)
              : probe(h, d->text + start, len);
    if (s >= 0) wc[i] = hot[s].cls;
  }
}

/* The same for a word given as text (tests, tools): its hash first. */
uint32_t entwords_lookup(const char *word, size_t len, int32_t *value) {
  pthread_once(&table_once, build_table);
  int s = probe(annot_norm_hash(word, len), word, len);
  if (s < 0) return 0;
  if (value != NULL) *value = cold[s].value;
  return hot[s].cls;
}

/* }====================================================== */
