/*
** resolve.c: the resolve stage.  Groups the mentions of d->mentions into
** entities (d->entities) and gives every mention of one entity the same
** canonical name and entity index:
**   - mentions with the same type and the same key are one entity, where
**     the key is the lexicon's canonical name when there is one ('Anthony
**     Blinken' and 'Antony Blinken') and the text otherwise, compared
**     without case ('BLINKEN' in a transcript label is 'Blinken');
**   - a surname alone is the person last named in full with it ('Scholz'
**     after 'Olaf Scholz'; before any full name, the one named later);
**   - an acronym the doc defines ('... in Europe (OSCE)') is its long form;
**   - a place alone is the longer form 'Place, Region' of the same doc;
**   - a body named after its country ('Ukraine's Foreign Ministry', 'the
**     Russian Foreign Ministry') is that country's: its canonical name
**     puts the country first ('Ukraine Foreign Ministry', 'Russian
**     Foreign Ministry'), and a bare 'Foreign Ministry' later is the
**     nearest such body before it (else the first after it);
**   - a given name alone ('Thanks, Ned.') is the one person of the doc
**     whose name starts with it ('Ned Price').
** The canonical name of an entity is the lexicon's when a mention has one,
** else its longest mention (a pointer into the text, which outlives the
** doc).  Pattern mentions keep their type and get their text as
** canonical; numbers and dates keep no canonical name.
** All grouping is a union-find over mention indices: linear, no
** allocation per mention.
*/
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "swar.h"

/* {======================================================
** Helpers
** ======================================================= */

/* types whose mentions carry a canonical name */
static int resolved_type(unsigned t) {
  return t == ANNOT_PERSON || t == ANNOT_ORG || t == ANNOT_GPE ||
         t == ANNOT_LOC || t == ANNOT_NORP || t == ANNOT_FAC ||
         t == ANNOT_EVENT;
}

/* ASCII lower case of one byte */
static unsigned char fold(unsigned char ch) {
  return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + 32) : ch;
}

/* Hash of a string without case, eight bytes at a time: each byte
** gets its 0x20 bit set, which folds ASCII capitals to lower case (and
** merges a few punctuation pairs, '@' and '`'...: a merge only costs a
** fold_equal, which every equal hash goes through anyway). */
static uint32_t fold_hash(const char *s, size_t n, uint32_t seed) {
  uint64_t h = (seed ^ (uint64_t)n) * 0x9E3779B97F4A7C15ull;
  const uint64_t fold8 = 0x2020202020202020ull;
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t w;
    memcpy(&w, s + k, 8);
    h = (h ^ (w | fold8)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  if (k < n) {   /* the last 1-7 bytes, the first one highest */
    uint64_t w = 0;
    size_t r = n - k;
    if (n >= 8) {
      /* one load of the last 8 bytes, which end the string: in reverse
      ** order the tail is the low r bytes, the first one highest, which
      ** is what the byte loop below builds */
      uint64_t keep = ((uint64_t)1 << (8 * r)) - 1;
      w = (__builtin_bswap64(swar_load(s + n - 8, 8)) | fold8) & keep;
    } else {
      for (; k < n; k++) w = (w << 8) | ((unsigned char)s[k] | 0x20u);
    }
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  return (uint32_t)(h ^ (h >> 29));
}

/* two strings are equal without case */
static int fold_equal(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t k = 0; k < an; k++)
    if (fold((unsigned char)a[k]) != fold((unsigned char)b[k])) return 0;
  return 1;
}

/* union-find with path halving */
static uint32_t find(uint32_t *parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/* join two sets, the earlier mention becoming the root */
static void unite(uint32_t *parent, uint32_t a, uint32_t b) {
  a = find(parent, a);
  b = find(parent, b);
  if (a == b) return;
  if (a < b) parent[b] = a;
  else parent[a] = b;
}

/* a hash map from a 32-bit key to a mention index, open addressing */
typedef struct imap {
  uint32_t *keys, *vals;   /* vals: index + 1, 0 = empty */
  uint32_t mask;
} imap;

/* the slot of 'key' (empty or holding it) */
static uint32_t imap_slot(const imap *m, uint32_t key) {
  uint32_t s = (key ^ (key >> 16)) & m->mask;
  while (m->vals[s] && m->keys[s] != key) s = (s + 1) & m->mask;
  return s;
}

/* }====================================================== */


/* {======================================================
** The stage
** ======================================================= */

typedef struct res_ctx {
  annot_doc *d;
  annot_mention *m;
  uint32_t n;
  uint32_t *parent;
  uint32_t *keyhash;      /* per mention: hash of its type and key */
  imap keys;              /* key hash -> first mention with that key */
  imap surnames;          /* last-token hash -> latest full-name person */
  imap places;            /* first-token hash -> 'Place, Region' mention */
} res_ctx;

/* the key of mention 'i': its lexicon canonical or its text */
static const char *key_of(const res_ctx *r, uint32_t i, size_t *len) {
  const annot_mention *m = &r->m[i];
  if (m->canonical != NULL && m->source != ANNOT_SRC_PATTERN) {
    *len = m->canonical_len;
    return m->canonical;
  }
  *len = m->end - m->start;
  return r->d->text + m->start;
}

/* Mentions with the same type and key are one entity.  'keys' maps a key
** hash to the first mention with that hash; on a hash collision between
** different keys the probe goes on to the next slot, so every distinct
** key gets its own slot and equal keys always meet. */
static void group_by_key(res_ctx *r) {
  for (uint32_t i = 0; i < r->n; i++) {
    size_t len;
    const char *k = key_of(r, i, &len);
    uint32_t h = fold_hash(k, len, r->m[i].type * 0x9e3779b9u);
    r->keyhash[i] = h;
    /* probe for an equal key among the mentions with this hash */
    uint32_t s = (h ^ (h >> 16)) & r->keys.mask;
    for (;;) {
      if (r->keys.vals[s] == 0) {
        r->keys.keys[s] = h;
        r->keys.vals[s] = i + 1;
        break;
      }
      if (r->keys.keys[s] == h) {
        uint32_t o = r->keys.vals[s] - 1;
        size_t olen;
        const char *ok = key_of(r, o, &olen);
        /* lexicon names share their canonical string: compare pointers
        ** first */
        if (r->m[o].type == r->m[i].type &&
            ((k == ok && len == olen) || fold_equal(k, len, ok, olen))) {
          unite(r->parent, o, i);
          break;
        }
      }
      s = (s + 1) & r->keys.mask;
    }
  }
}

/* a person named in full: two tokens or more */
static int full_name(const annot_mention *m) {
  return m->type == ANNOT_PERSON && m->tok_end - m->tok_begin >= 2;
}

/* link a surname alone to the full name 'f' when that is right: a
** surname with its own lexicon name joins only a full name without one */
static void link_surname(res_ctx *r, uint32_t i, uint32_t f) {
  if (r->m[i].canonical != NULL && r->m[f].canonical != NULL) return;
  unite(r->parent, f, i);
}

/* 'Scholz' after (or, failing that, before) 'Olaf Scholz'.  The map
** holds, for each last-word hash, the latest full name seen so far, so a
** surname goes to the nearest full name before it (two Bidens in one
** story: each surname to the one named last); the second loop sees the
** map complete and gives the surnames that came first the last full
** name of the doc. */
static void group_surnames(res_ctx *r) {
  const annot_doc *d = r->d;
  /* in order: a surname goes to the latest full name before it */
  for (uint32_t i = 0; i < r->n; i++) {
    const annot_mention *m = &r->m[i];
    if (m->type != ANNOT_PERSON || m->source == ANNOT_SRC_PATTERN) continue;
    uint32_t last = d->tok_hash[m->tok_end - 1];
    uint32_t s = imap_slot(&r->surnames, last);
    if (full_name(m)) {
      r->surnames.keys[s] = last;
      r->surnames.vals[s] = i + 1;
    } else if (r->surnames.vals[s]) {
      link_surname(r, i, r->surnames.vals[s] - 1);
    }
  }
  /* surnames before any full name: the last full name of the doc */
  for (uint32_t i = 0; i < r->n; i++) {
    const annot_mention *m = &r->m[i];
    if (m->type != ANNOT_PERSON || full_name(m) ||
        m->source == ANNOT_SRC_PATTERN)
      continue;
    uint32_t s = imap_slot(&r->surnames, d->tok_hash[m->tok_begin]);
    if (r->surnames.vals[s] && r->surnames.vals[s] - 1 > i)
      link_surname(r, i, r->surnames.vals[s] - 1);
  }
}

/* 'Washington' with 'Washington, D.C.'; an acronym with the name it
** follows in brackets.  Only names without a lexicon canonical are
** joined to a 'Place, Region' form: the lexicon has already said which
** place a known name is.  An acronym the lexicon knows keeps its own
** entity (the long form usually shares its canonical anyway). */
static void group_places_and_acronyms(res_ctx *r) {
  const annot_doc *d = r->d;
  for (uint32_t i = 0; i < r->n; i++) {
    const annot_mention *m = &r->m[i];
    if ((m->type == ANNOT_GPE || m->type == ANNOT_LOC) &&
        m->canonical == NULL && m->tok_end - m->tok_begin >= 3) {
      uint32_t c = m->tok_begin + 1;
      if (d->tok_end[c] - d->tok_start[c] == 1 && d->text[d->tok_start[c]] == ',') {
        uint32_t s = imap_slot(&r->places, d->tok_hash[m->tok_begin]);
        r->places.keys[s] = d->tok_hash[m->tok_begin];
        r->places.vals[s] = i + 1;
      }
    }
    /* 'Long Name (LN)' */
    if (i + 1 < r->n && resolved_type(m->type) && m->type != ANNOT_PERSON) {
      const annot_mention *a = &r->m[i + 1];
      uint32_t t = m->tok_end;
      if (a->type == m->type && a->tok_begin == t + 1 &&
          a->tok_end == t + 2 && t + 2 < d->ntok &&
          d->text[d->tok_start[t]] == '(' && d->text[d->tok_start[t + 2]] == ')' &&
          (d->tok_flags[a->tok_begin] & ANNOT_TF_ALLCAPS) &&
          a->source != ANNOT_SRC_LEXICON)
        unite(r->parent, i, i + 1);
    }
  }
  for (uint32_t i = 0; i < r->n; i++) {
    const annot_mention *m = &r->m[i];
    if ((m->type == ANNOT_GPE || m->type == ANNOT_LOC) &&
        m->canonical == NULL && m->tok_end - m->tok_begin == 1) {
      uint32_t s = imap_slot(&r->places, d->tok_hash[m->tok_begin]);
      if (r->places.vals[s]) unite(r->parent, r->places.vals[s] - 1, i);
    }
  }
}

/* {------------------------------------------------------
** Bodies of a country
** ------------------------------------------------------- */

#define MAX_QUALIFIED 64   /* country bodies remembered per doc */

/* an organisation named by a head word at its end or its start, as
** government bodies are ('Foreign Ministry', 'Ministry of Defence'), from the word classes the
** entity stage left per token; a lexicon name that says its country
** ('... of Ukraine') ends with no head word */
static int body_name(const res_ctx *r, const annot_mention *m) {
  const annot_doc *d = r->d;
  if (m->type != ANNOT_ORG || m->source == ANNOT_SRC_PATTERN ||
      d->tok_lex == NULL || m->tok_end <= m->tok_begin)
    return 0;
  /* 'Foreign Ministry', or 'Ministry of Foreign Affairs' */
  return ((d->tok_lex[m->tok_end - 1] | d->tok_lex[m->tok_begin]) &
          LEX_BIT(LEX_ORGHEAD)) != 0;
}

/* The country that qualifies the body 'i': a nationality right before
** it ('the Russian Foreign Ministry') or a place with a possessive
** ('Ukraine's Foreign Ministry'); the index of that mention, or
** ANNOT_NONE. */
static uint32_t body_country(const res_ctx *r, uint32_t i) {
  const annot_doc *d = r->d;
  const annot_mention *m = &r->m[i];
  if (i == 0 || !body_name(r, m)) return ANNOT_NONE;
  const annot_mention *p = &r->m[i - 1];
  if (p->canonical == NULL) return ANNOT_NONE;
  if (p->type == ANNOT_NORP && p->tok_end == m->tok_begin) return i - 1;
  if (p->type == ANNOT_GPE && p->tok_end + 1 == m->tok_begin &&
      (d->tok_flags[p->tok_end] & ANNOT_TF_CLITIC))
    return i - 1;
  return ANNOT_NONE;
}

/* a body qualified by its country: the mention and its key before */
typedef struct qualified {
  uint32_t mention;
  const char *key;
  size_t len;
} qualified;

/* Name each country's body after its country, and give a bare mention
** of the same body (the same key) the nearest qualified one's name
** (before it, else after it).  Runs before grouping, which then joins
** them by name.  The new names live in the doc's arena. */
static int qualify_bodies(res_ctx *r) {
  annot_doc *d = r->d;
  qualified qual[MAX_QUALIFIED];
  uint32_t nq = 0;
  for (uint32_t i = 1; i < r->n && nq < MAX_QUALIFIED; i++) {
    uint32_t p = body_country(r, i);
    if (p == ANNOT_NONE) continue;
    annot_mention *m = &r->m[i];
    const annot_mention *pm = &r->m[p];
    size_t blen;
    const char *base = key_of(r, i, &blen);
    size_t n = pm->canonical_len + 1 + blen;
    char *name = arena_alloc(&d->arena, n + 1);
    if (name == NULL) return ANNOT_ENOMEM;
    memcpy(name, pm->canonical, pm->canonical_len);
    name[pm->canonical_len] = ' ';
    memcpy(name + pm->canonical_len + 1, base, blen);
    qual[nq].mention = i;
    qual[nq].key = base;
    qual[nq].len = blen;
    nq++;
    m->canonical = name;
    m->canonical_len = (uint32_t)n;
  }
  if (nq == 0) return ANNOT_OK;
  uint32_t next = 0;   /* the first qualified mention after 'i' */
  for (uint32_t i = 0; i < r->n; i++) {
    while (next < nq && qual[next].mention <= i) next++;
    if (next > 0 && qual[next - 1].mention == i) continue;   /* itself */
    if (!body_name(r, &r->m[i])) continue;
    size_t len;
    const char *k = key_of(r, i, &len);
    /* the nearest before, walking back; else the first after */
    uint32_t pick = ANNOT_NONE;
    for (uint32_t q = next; q > 0 && pick == ANNOT_NONE; q--)
      if (fold_equal(k, len, qual[q - 1].key, qual[q - 1].len))
        pick = qual[q - 1].mention;
    for (uint32_t q = next; q < nq && pick == ANNOT_NONE; q++)
      if (fold_equal(k, len, qual[q].key, qual[q].len))
        pick = qual[q].mention;
    if (pick != ANNOT_NONE) {
      r->m[i].canonical = r->m[pick].canonical;
      r->m[i].canonical_len = r->m[pick].canonical_len;
    }
  }
  return ANNOT_OK;
}

/* }------------------------------------------------------ */

/* the first word of a key: up to its first space (all of it if none) */
static size_t first_word(const char *k, size_t len) {
  const char *sp = memchr(k, ' ', len);
  return sp ? (size_t)(sp - k) : len;
}

/* 'Thanks, Ned.' with 'Ned Price' in the doc (in full, or as the
** lexicon's name of 'MR. PRICE:'): a one-word person the rules found,
** still in a group of one-word mentions, joins the one person of the doc
** whose name starts with that word.  'given' maps the hash of a first
** name to the full-name mention (ANNOT_NONE when two people share it). */
static void group_given_names(res_ctx *r) {
  imap *g = &r->places;   /* free again: places are grouped already */
  memset(g->vals, 0, (g->mask + 1) * sizeof *g->vals);
  int any = 0;
  for (uint32_t i = 0; i < r->n; i++) {
    const annot_mention *m = &r->m[i];
    if (m->type != ANNOT_PERSON || m->source == ANNOT_SRC_PATTERN) continue;
    size_t len;
    const char *k = key_of(r, i, &len);
    size_t w = first_word(k, len);
    if (w == len) continue;   /* one word: no full name */
    uint32_t h = fold_hash(k, w, 0x51u);
    uint32_t s = imap_slot(g, h);
    if (g->vals[s] == 0) {
      g->keys[s] = h;
      g->vals[s] = i + 1;
      any = 1;
    } else if (g->vals[s] != ANNOT_NONE &&
               find(r->parent, g->vals[s] - 1) != find(r->parent, i)) {
      g->vals[s] = ANNOT_NONE;   /* two people with this first name */
    }
  }
  if (!any) return;
  for (uint32_t i = 0; i < r->n; i++) {
    const annot_mention *m = &r->m[i];
    if (m->type != ANNOT_PERSON || m->canonical != NULL ||
        m->source != ANNOT_SRC_RULE || m->tok_end - m->tok_begin != 1)
      continue;
    /* its group has a full name already (a surname, linked) */
    uint32_t root = find(r->parent, i);
    if (r->m[root].tok_end - r->m[root].tok_begin != 1 ||
        r->m[root].canonical != NULL)
      continue;
    const char *t = r->d->text + m->start;
    size_t tl = m->end - m->start;
    uint32_t s = imap_slot(g, fold_hash(t, tl, 0x51u));
    if (g->vals[s] == 0 || g->vals[s] == ANNOT_NONE) continue;
    uint32_t f = g->vals[s] - 1;
    size_t flen;
    const char *fk = key_of(r, f, &flen);
    if (fold_equal(t, tl, fk, first_word(fk, flen)))
      unite(r->parent, f, i);
  }
}

/* Give each group an entity and each mention its canonical name.  The
** root of a group is its first mention (unite keeps the smaller index as
** root), so entities are made in order of first mention, and a later
** mention finds its entity through its root, which has one already. */
static int make_entities(res_ctx *r) {
  annot_doc *d = r->d;
  /* the best name of each group, kept at its root: the first lexicon
  ** canonical, else the longest text ('keyhash' is reused for it) */
  uint32_t *best = r->keyhash;
  for (uint32_t i = 0; i < r->n; i++) best[i] = ANNOT_NONE;
  for (uint32_t i = 0; i < r->n; i++) {
    uint32_t root = find(r->parent, i);
    uint32_t b = best[root];
    const annot_mention *m = &r->m[i];
    if (b == ANNOT_NONE) {
      best[root] = i;
      continue;
    }
    const annot_mention *bm = &r->m[b];
    int mlex = m->canonical != NULL && m->source != ANNOT_SRC_PATTERN;
    int blex = bm->canonical != NULL && bm->source != ANNOT_SRC_PATTERN;
    if (blex) continue;
    if (mlex || m->end - m->start > bm->end - bm->start) best[root] = i;
  }
  if (vec_reserve(&d->entities, sizeof(annot_entity), r->n) != ANNOT_OK)
    return ANNOT_ENOMEM;
  /* entity ids in order of first mention; 'parent' of a root maps to
  ** its entity once made (roots are their own first mention) */
  for (uint32_t i = 0; i < r->n; i++) {
    uint32_t root = find(r->parent, i);
    annot_mention *m = &r->m[i];
    annot_entity *e;
    if (root == i) {
      e = vec_push(&d->entities, sizeof(annot_entity));
      const annot_mention *bm = &r->m[best[i]];
      if (bm->canonical != NULL && bm->source != ANNOT_SRC_PATTERN) {
        e->canonical = bm->canonical;
        e->canonical_len = bm->canonical_len;
      } else {
        e->canonical = d->text + bm->start;
        e->canonical_len = bm->end - bm->start;
      }
      e->first_mention = i;
      e->type = m->type;
      m->entity = d->entities.n - 1;
    } else {
      m->entity = r->m[root].entity;
      e = &VEC_AT(d->entities, annot_entity, m->entity);
    }
    e->mention_count++;
    if (resolved_type(m->type) || m->type >= ANNOT_TYPE_COUNT ||
        m->source == ANNOT_SRC_PATTERN) {
      m->canonical = e->canonical;
      m->canonical_len = e->canonical_len;
    } else {
      m->canonical = NULL;   /* numbers and dates have no canonical name */
      m->canonical_len = 0;
    }
  }
  return ANNOT_OK;
}

/* The stage: three maps of twice the mention count, a parent array and
** a key array, allocated once and freed before returning. */
int stage_resolve(annot_doc *d, annot_error *err) {
  (void)err;
  res_ctx r;
  memset(&r, 0, sizeof r);
  r.d = d;
  r.n = d->mentions.n;
  r.m = d->mentions.data;
  d->entities.n = 0;
  if (r.n == 0) return ANNOT_OK;
  uint32_t size = 16;
  while (size < 2 * (uint64_t)r.n && size < (1u << 31)) size *= 2;
  int rc = ANNOT_ENOMEM;
  r.parent = malloc(r.n * sizeof *r.parent);
  r.keyhash = malloc(r.n * sizeof *r.keyhash);
  imap *maps[3] = {&r.keys, &r.surnames, &r.places};
  int ok = r.parent != NULL && r.keyhash != NULL;
  for (int k = 0; k < 3 && ok; k++) {
    maps[k]->keys = malloc(size * sizeof(uint32_t));
    maps[k]->vals = calloc(size, sizeof(uint32_t));
    maps[k]->mask = size - 1;
    ok = maps[k]->keys != NULL && maps[k]->vals != NULL;
  }
  if (ok) {
    for (uint32_t i = 0; i < r.n; i++) {
      r.parent[i] = i;
      r.m[i].entity = ANNOT_NONE;
    }
    rc = qualify_bodies(&r);
    if (rc == ANNOT_OK) {
      group_by_key(&r);
      group_surnames(&r);
      group_places_and_acronyms(&r);
      group_given_names(&r);
      rc = make_entities(&r);
    }
  }
  free(r.parent);
  free(r.keyhash);
  for (int k = 0; k < 3; k++) {
    free(maps[k]->keys);
    free(maps[k]->vals);
  }
  return rc;
}

/* }====================================================== */
