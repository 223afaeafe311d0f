"""Chinese subject words kept apart from zh.py (at its size limit): a card, flyer or poster that speaks
for the one who put it out (Simplified script, as every rule matches the folded text)."""

# A card, a flyer, a poster or a graphic as the subject of a verb of saying (该图卡声称, 文宣写道): what it
# says is a statement of whoever posted or spread it, named just before (某某散布不实海报,该海报声称…).
CARD_HEADS = ("图卡", "文宣", "海报", "传单", "宣传单", "懒人包", "梗图", "图文")
CARD_DETERMINERS = ("该", "这张", "这份", "此", "这则", "那张", "该张", "该份", "这些", "该则", "")
# Verbs by which someone puts a card out (the issuer is the name right before one of them).
CARD_ISSUE_VERBS = ("散布", "散播", "发布", "张贴", "贴出", "po出", "po", "发出", "公布", "制作", "转传", "分享", "印制",
                    "发放", "流传")
CARD_NOUNS = frozenset(d + h for d in CARD_DETERMINERS for h in CARD_HEADS)
