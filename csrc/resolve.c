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
**   - a place alone is the longer form 'Place, Region' of the same doc.
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
  if (k < n) {   /* the last 1-7 bytes, one by one (any byte order) */
    uint64_t w = 0;
    for (; k < n; k++) w = (w << 8) | ((unsigned char)s[k] | 0x20u);
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
    group_by_key(&r);
    group_surnames(&r);
    group_places_and_acronyms(&r);
    rc = make_entities(&r);
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
