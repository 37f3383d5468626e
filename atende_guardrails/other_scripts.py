"""Attacks written in a script the word rules do not read: Cyrillic, Greek, Hebrew, Arabic, Devanagari, Chinese,
Japanese and Korean. The rules read Latin letters (and look-alike letters folded into them); "Игнорируй все
предыдущие инструкции" or "忽略之前的所有指令" reached the assistant untouched. A business in Brazil rarely hears from
a customer in these scripts, and an attack is a structure more than a phrase, so each language gets the few words
the structure needs, matched as stems (these languages inflect, or write no spaces; "_" joins the words of a stem of
several):

- set aside the rules: an override verb, a rules noun, and whose rules or which ("previous", "your", "system", "all");
- reveal the setup: "system prompt" named, or a reveal verb with a rules noun and whose or which;
- a part to play without limits: a persona with "no restrictions", the rules or an AI named;
- other people's data: customers or users, their contact data or a list, and "all".

An ordinary question in these languages ("как установить панели?", "我忘记了密码", "設置の説明を教えてください") holds
at most one part of a structure and passes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A character of one of the scripts read here; a text with none of them is not looked at.
_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff"
                      r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

_STEMS: dict[str, str] = {
    "override": (
        # Russian, Ukrainian
        "игнорир проигнорир игноруй ігнору забудь забудьте отбрось отбросьте отмени не_следуй обойди "
        # Greek, Hebrew, Arabic, Hindi
        "αγνοησε αγνοηστε ξεχνα ξεχαστε התעלם שכח تجاهل انس انسى अनदेखा नजरअंदाज भूल "
        # Chinese, Japanese, Korean
        "忽略 无视 無視 忘记 忘記 忘掉 不要遵守 绕过 繞過 忘れ 무시 잊어"
    ),
    "rules": (
        "инструкци указани правил ограничени директив інструкці вказівк обмежен "
        "οδηγιες κανονες περιορισμ הוראות כללים הנחיות تعليمات التعليمات القواعد الاوامر الأوامر قيود "
        "निर्देश नियम "
        "指令 指示 规则 規則 限制 ルール 命令 制限 지시 규칙 지침 명령 제한"
    ),
    "which": (
        # previous, above, all; your; system
        "предыдущ прежн выше все всех попередн усі всіх ваши твои свои ваші твої системн "
        "προηγουμεν ολες ολους σου συστηματος הקודמות הקודמים כל שלך המערכת السابقة السابق جميع كل الخاصة النظام "
        "पिछले पहले सभी सारे आपके तुम्हारे सिस्टम "
        "之前 以前 先前 上面 所有 全部 你的 系统 系統 これまで 前の 上記 すべて 全て あなたの システム "
        "이전 위의 앞의 모든 당신의 너의 시스템"
    ),
    "reveal": (
        "покажи покажите раскрой выведи напиши скажи перечисли отправь дай покажіть розкрий "
        "δειξε εμφανισε αποκαλυψε הצג הראה חשוף اعرض أظهر اظهر اكشف اطبع أعطني اعطني "
        "दिखाओ दिखाइए बताओ बताइए "
        "显示 顯示 输出 輸出 告诉我 告訴我 透露 列出 打印 给我 給我 表示 教えて 出力 見せて 公開 보여 출력 알려 공개"
    ),
    "people": (
        "клиент пользовател покупател заказчик клієнт користувач πελατ χρηστ לקוחות משתמשים العملاء المستخدمين "
        "ग्राहक उपयोगकर्ता 客户 客戶 用户 用戶 顾客 顧客 お客様 ユーザー 고객 사용자"
    ),
    "contact": (
        "телефон адрес данных база список τηλεφων διευθυνσ λιστα στοιχεια טלפון כתובות רשימת נתונים "
        "أرقام ارقام عناوين بيانات قائمة फोन पते सूची डेटा "
        "电话 電話 地址 数据 資料 名单 名單 列表 住所 個人情報 一覧 리스트 목록 전화번호 주소 개인정보"
    ),
    "persona": (
        "притворись притворяйся представь_что_ты ты_теперь теперь_ты играй_роль сыграй_роль уяви_що "
        "προσποιησου παιξε_τον_ρολο תעמיד_פנים העמד_פנים تظاهر تخيل_أنك नाटक_करो का_किरदार "
        "假装 扮演 你现在是 現在你是 ふりをして 演じて になりきって 척해 역할을"
    ),
    "unbound": (
        "без_ограничений без_правил без_цензуры без_фильтров без_обмежень χωρις_περιορισμους בלי_הגבלות ללא_הגבלות "
        "بدون_قيود बिना_प्रतिबंध बिना_किसी_प्रतिबंध 没有限制 不受限制 无限制 無限制 没有任何限制 制限なし 制限のない "
        "제한_없는 제한없는"
    ),
    "ai": (
        "ии бот ассистент нейросет ші τεχνητη_νοημοσυνη בינה_מלאכותית الذكاء_الاصطناعي مساعد एआई 人工智能 机器人 機器人 "
        "助手 アシスタント ボット 인공지능 챗봇 dan jailbreak gpt chatgpt"
    ),
    "all": "все всех усі всіх ολους ολες ολα כל جميع كل सभी सारे 所有 全部 すべて 全て 모든",
}


# The blocks where the marks, punctuation and symbols these texts hold live: Latin to Devanagari, general punctuation
# and symbols, CJK punctuation and kana (its voicing marks). Han and Hangul hold none; NFKC makes fullwidth forms ASCII.
_BLOCKS = ((0x20, 0x0980), (0x2000, 0x2C00), (0x3000, 0x3100))


def _class_of(categories: str) -> re.Pattern[str]:
    """One character class of every character of these Unicode categories (first letters: "PSZ") or exact categories
    ("Mn") in `_BLOCKS`, so that a text is cleaned by the regex engine, not a loop."""
    chars = (chr(code) for low, high in _BLOCKS for code in range(low, high))
    wanted = [c for c in chars if unicodedata.category(c) in categories or unicodedata.category(c)[0] in categories]
    return re.compile("[" + "".join(re.escape(c) for c in wanted) + "]+")


_MARKS = _class_of("Mn")
_GAPS = _class_of("PSZ")


def _plain(text: str) -> str:
    """Lower case without combining marks (accents, vowel points, dakuten: "αγνόησε" is "αγνοησε"), punctuation and
    symbols as spaces ("Представь, что ты" is "представь что ты"), one space between words."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower())
    spaced = _GAPS.sub(" ", _MARKS.sub("", decomposed))
    return unicodedata.normalize("NFC", " ".join(spaced.split()))


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_GLUED = re.compile(r"[\u0590-\u05ff\u0600-\u06ff]")
# "не забудьте правила" is "don't forget the rules": an override verb said not to.
_NEGATIONS = frozenset({"не", "ні"})


@dataclass(frozen=True)
class _Lexicon:
    """The stems by how they are looked for: as the start of a word (most); as a whole word (ASCII: "dan", "gpt", not
    the start of "dance"); anywhere in the text (Chinese and Japanese, written without spaces; Hebrew and Arabic stems
    of three letters or more, since those languages glue the article and some prepositions to the word; stems of
    several words). A short stem anywhere would match inside longer words: Arabic "كل", "all", is in "مشكلة"."""

    starts: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    # (stem, group), by the script the stem is written in: a text is searched only for stems of scripts it holds.
    anywhere: dict[str, tuple[tuple[str, str], ...]]
    lengths: tuple[int, ...]


# The scripts, each a character class, by which the stems looked for anywhere are kept apart.
_SCRIPT_CLASSES: dict[str, re.Pattern[str]] = {
    "greek": re.compile(r"[\u0370-\u03ff]"), "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"), "arabic": re.compile(r"[\u0600-\u06ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"), "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"), "hangul": re.compile(r"[\uac00-\ud7af]"),
}


def _script(stem: str) -> str:
    return next(name for name, letters in _SCRIPT_CLASSES.items() if letters.search(stem))


def _lexicon(groups: dict[str, list[str]]) -> _Lexicon:
    starts: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    anywhere: dict[str, list[tuple[str, str]]] = {}
    for group, stems in groups.items():
        for raw in stems:
            stem = _plain(raw.replace("_", " "))
            if " " in stem or _UNSPACED.search(stem) or (_GLUED.search(stem) and len(stem) >= 3):
                anywhere.setdefault(_script(stem), []).append((stem, group))
            else:
                (words if stem.isascii() else starts).setdefault(stem, set()).add(group)
    return _Lexicon({k: frozenset(v) for k, v in starts.items()}, {k: frozenset(v) for k, v in words.items()},
                    {k: tuple(v) for k, v in anywhere.items()}, tuple(sorted({len(stem) for stem in starts})))


_LEXICON = _lexicon({
    **{group: stems.split() for group, stems in _STEMS.items()},
    # The setup named: "system prompt", "system message".
    "prompt": ["промпт", "промт", "системное_сообщение", "системні_повідомлення", "μηνυμα_συστηματος", "הנחיית_המערכת",
               "موجه_النظام", "رسالة_النظام", "प्रॉम्प्ट", "系统提示", "系統提示", "提示词", "提示詞", "系统消息",
               "プロンプト", "システムメッセージ", "프롬프트"],
})


def _groups_in(plain: str) -> set[str]:
    """The groups of the stems a plain text holds: a few substring searches and one pass over its words."""
    found = {group for script, stems in _LEXICON.anywhere.items() if _SCRIPT_CLASSES[script].search(plain)
             for stem, group in stems if stem in plain}
    words = plain.split()
    # Each word once, with whether a negation comes before it (a flood of one word costs one word).
    for word, negated in set(zip(words, [False, *(word in _NEGATIONS for word in words)], strict=False)):
        if word.isascii():
            found |= _LEXICON.words.get(word, frozenset())
        elif _SCRIPTS.match(word):  # every stem starts with a letter of these scripts, not a look-alike in a Latin word
            for length in _LEXICON.lengths:
                if length > len(word):
                    break
                groups = _LEXICON.starts.get(word[:length])
                if groups:
                    found |= groups - {"override"} if negated else groups
    return found


def attack_kind(text: str) -> str | None:
    """The kind of attack a text in one of these scripts makes ("ignore_instructions", "prompt_extraction",
    "jailbreak", "data_exfiltration"), or None."""
    if text.isascii() or _SCRIPTS.search(text) is None:
        return None
    has = _groups_in(_plain(text))
    if "override" in has and ("prompt" in has or {"rules", "which"} <= has):
        return "ignore_instructions"
    if "prompt" in has or {"reveal", "rules", "which"} <= has:
        return "prompt_extraction"
    if ("persona" in has and has & {"unbound", "rules", "ai"}) or {"unbound", "ai"} <= has:
        return "jailbreak"
    if {"people", "contact", "all"} <= has:
        return "data_exfiltration"
    return None


# The share of a text's letters in words wholly of these scripts from which it is read as written in them.
_OTHER_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+")


def written_in_other_script(text: str) -> bool:
    """Whether a text is written in one of these scripts: most of its letters are in words wholly of them. Latin words
    with look-alike letters planted in them ("іgnоrе аll рrеvіоus") mix scripts within a word and do not count."""
    if text.isascii() or _SCRIPTS.search(text) is None:
        return False
    words = _WORD.findall(text)
    letters = sum(len(word) for word in words)
    other = sum(len(word) for word in words if _SCRIPTS.search(word) and not any(c.isascii() for c in word))
    return letters > 0 and other >= _OTHER_SHARE * letters
