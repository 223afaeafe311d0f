"""Extraction lexicon, outlets and platforms: English names of news outlets and social platforms
(keys are folded and lower-cased) used for ``via`` when the registry lacks them, and the nouns
that make a platform a venue (在社交媒体X上, 在脸书发文).
"""

from __future__ import annotations

OUTLETS = {
    "路透社": "Reuters", "路透": "Reuters", "reuters": "Reuters",
    "美联社": "Associated Press", "ap": "Associated Press", "associated press": "Associated Press",
    "法新社": "AFP", "afp": "AFP", "彭博社": "Bloomberg", "彭博": "Bloomberg", "bloomberg": "Bloomberg",
    "bbc": "BBC", "英国广播公司": "BBC", "cnn": "CNN", "美国有线电视新闻网": "CNN",
    "卫报": "The Guardian", "guardian": "The Guardian", "the guardian": "The Guardian",
    "纽约时报": "The New York Times", "new york times": "The New York Times",
    "华尔街日报": "The Wall Street Journal", "wall street journal": "The Wall Street Journal",
    "华盛顿邮报": "The Washington Post", "washington post": "The Washington Post",
    "金融时报": "Financial Times", "financial times": "Financial Times",
    "经济学人": "The Economist", "新华社": "Xinhua", "xinhua": "Xinhua", "中央社": "CNA",
    "中央通讯社": "CNA", "塔斯社": "TASS", "tass": "TASS", "俄新社": "RIA Novosti",
    "共同社": "Kyodo", "韩联社": "Yonhap", "半岛电视台": "Al Jazeera", "al jazeera": "Al Jazeera",
    "德国之声": "DW", "美国之音": "VOA", "自由亚洲电台": "RFA", "福斯新闻": "Fox News",
    "福克斯新闻": "Fox News", "fox news": "Fox News", "nbc": "NBC", "cbs": "CBS", "abc": "ABC",
    "axios": "Axios", "politico": "Politico", "nhk": "NHK", "央视": "CCTV", "环球时报": "Global Times",
    "人民日报": "People's Daily", "联合报": "United Daily News", "自由时报": "Liberty Times",
    "明报": "Ming Pao", "南华早报": "South China Morning Post", "朝日新闻": "Asahi Shimbun",
    "读卖新闻": "Yomiuri Shimbun", "每日电讯报": "The Telegraph", "泰晤士报": "The Times",
    "镜报": "Daily Mirror", "明镜周刊": "Der Spiegel", "世界报": "Le Monde", "大纪元": "The Epoch Times",
    "新唐人": "NTD", "看中国": "Vision Times", "纽约邮报": "New York Post", "今日美国": "USA Today",
    "时代杂志": "Time", "新闻周刊": "Newsweek", "国会山报": "The Hill", "the hill": "The Hill",
}
PLATFORMS = {
    "truth social": "Truth Social", "真相社交": "Truth Social", "真相社会": "Truth Social",
    "x": "X", "twitter": "X", "推特": "X", "推特(x)": "X", "x平台": "X",
    "facebook": "Facebook", "脸书": "Facebook", "脸书(facebook)": "Facebook", "instagram": "Instagram",
    "telegram": "Telegram", "电报": "Telegram", "youtube": "YouTube", "微博": "Weibo",
    "weibo": "Weibo", "微信": "WeChat", "wechat": "WeChat", "threads": "Threads",
    "tiktok": "TikTok", "抖音": "Douyin", "linkedin": "LinkedIn", "领英": "LinkedIn",
    "bluesky": "Bluesky", "vk": "VK",
}
# Nouns that make a platform name a venue (在社交媒体X上, 在脸书发文).
VENUE_NOUNS = ("社交媒体", "社群媒体", "社交平台", "社群平台", "社交网站", "平台", "帐号", "账号",
               "帐户", "账户", "推文", "贴文", "发文", "页面", "官网", "长文", "短文", "文章")
# ... and what a subject may own that speaks for it (川普Truth Social的长文, 白宫的声明).
OWNED_VENUES = VENUE_NOUNS + ("声明", "报告", "信", "文章", "讲话", "谈话")
