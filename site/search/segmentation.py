"""Chinese word segmentation (jieba) for indexing and querying.

Index side: text becomes space-separated words in jieba's search mode, so a long word such
as 调解委员会 is indexed together with its parts (调解, 委员, 委员会). Query side: the query
is cut precisely; a long query word is also matched by the run of shorter words that
spells it, in case the page's context segmented it differently.
"""

import re
import threading

import jieba

# Domain words jieba's general dictionary does not know or splits badly.
DOMAIN_WORDS = [
    "一站式",
    "多元联调",
    "联调联处",
    "调解委员会",
    "调解组织",
    "调解工作室",
    "法官工作室",
    "诉讼服务站",
    "劳动人事争议",
    "劳动争议",
    "人民调解",
    "特邀调解",
    "委派调解",
    "委托调解",
    "裁前调解",
    "案前调解",
    "诉前调解",
    "裁诉衔接",
    "调解协议书",
    "仲裁委",
    "人社局",
    "总工会",
    "司法局",
    "工会组织员",
    "调解仲裁法",
]
# Words too common to narrow a search; dropped from queries that have other words.
QUERY_STOP_WORDS = frozenset("的了和与及或在是把被对等之")
MAX_QUERY_LENGTH = 100
MAX_QUERY_TERMS = 12
WORD = re.compile(r"\w", re.UNICODE)

_tokenizer = None
_lock = threading.Lock()


def tokenizer() -> jieba.Tokenizer:
    """One jieba tokenizer per process, built on first use (loading takes about a second)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                instance = jieba.Tokenizer()
                instance.initialize()
                for word in DOMAIN_WORDS:
                    instance.add_word(word, freq=200000)
                _tokenizer = instance
    return _tokenizer


def _is_word(piece: str) -> bool:
    return bool(WORD.search(piece)) and piece != "_"


def index_words(text: str) -> list[str]:
    """All words to index for `text`: search-mode segmentation, punctuation dropped."""
    if not text:
        return []
    return [t.lower() for t in tokenizer().cut_for_search(text, HMM=False) if _is_word(t.strip())]


def index_text(text: str) -> str:
    """`text` as space-separated words, the form the database backends tokenise correctly."""
    return " ".join(index_words(text))


def clean_query(raw: str | None) -> str:
    """Whitespace collapsed, control characters removed, at most MAX_QUERY_LENGTH long."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_words(text: str) -> list[str]:
    """The words a query asks for, in order, without duplicates or punctuation."""
    words = []
    for token in tokenizer().cut(clean_query(text), HMM=False):
        token = token.strip().lower()
        if _is_word(token) and token not in words:
            words.append(token)
    meaningful = [w for w in words if w not in QUERY_STOP_WORDS]
    return (meaningful or words)[:MAX_QUERY_TERMS]


def word_parts(word: str) -> list[str]:
    """Shorter dictionary words that spell `word` end to end, or [] if there are none.

    调解委员会 -> [调解, 委员会]. Used so a query word also matches pages where the
    context split it differently.
    """
    if len(word) < 3:
        return []
    parts = {p for p in tokenizer().cut_for_search(word, HMM=False) if 2 <= len(p) < len(word)}
    # Shortest tiling of `word` by `parts` (breadth-first over end positions).
    best = {0: []}
    for start in range(len(word)):
        if start not in best:
            continue
        for part in parts:
            end = start + len(part)
            if word.startswith(part, start) and (
                end not in best or len(best[end]) > len(best[start]) + 1
            ):
                best[end] = best[start] + [part]
    return best.get(len(word), [])
