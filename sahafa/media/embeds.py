"""Posts from social networks, pasted into a body as a link on its own line. On reader
pages such a paragraph becomes a placeholder (the provider's name, the link, a button);
the third party is framed only when the reader presses the button (static/media/
embeds.js), so opening a story sends no request to any of them."""

import re
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    pattern: re.Pattern
    frame: str  # the frame's address; {0}, {1}… are the pattern's groups, {url} the link
    origin: str  # what the page's policy must allow in frame-src once the post is shown

    def frame_for(self, url):
        match = self.pattern.fullmatch(url)
        if match is None:
            return None
        return self.frame.format(*match.groups(), url=quote(url, safe=""))


PROVIDERS = [
    Provider(
        "youtube",
        "YouTube",
        re.compile(
            r"https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|embed/)|youtu\.be/)"
            r"([\w-]{11})(?:[?&#][^\s]*)?"
        ),
        "https://www.youtube-nocookie.com/embed/{0}",
        "https://www.youtube-nocookie.com",
    ),
    Provider(
        "x",
        "X (Twitter)",
        re.compile(r"https://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w{1,15}/status/(\d+)[^\s]*"),
        "https://platform.twitter.com/embed/Tweet.html?id={0}",
        "https://platform.twitter.com",
    ),
    Provider(
        "instagram",
        "Instagram",
        re.compile(r"https://(?:www\.)?instagram\.com/(p|reel|tv)/([\w-]+)/?(?:\?[^\s]*)?"),
        "https://www.instagram.com/{0}/{1}/embed/",
        "https://www.instagram.com",
    ),
    Provider(
        "facebook",
        "Facebook",
        re.compile(r"https://(?:www\.|m\.)?facebook\.com/[\w.-]+/(?:posts|videos)/[\w.-]+/?"),
        "https://www.facebook.com/plugins/post.php?href={url}",
        "https://www.facebook.com",
    ),
    Provider(
        "tiktok",
        "TikTok",
        re.compile(r"https://(?:www\.)?tiktok\.com/@[\w.-]+/video/(\d+)(?:\?[^\s]*)?"),
        "https://www.tiktok.com/embed/v2/{0}",
        "https://www.tiktok.com",
    ),
    Provider(
        "telegram",
        "Telegram",
        re.compile(r"https://t\.me/(\w{5,32})/(\d+)/?"),
        "https://t.me/{0}/{1}?embed=1",
        "https://t.me",
    ),
]


@dataclass(frozen=True)
class Embed:
    provider: Provider
    url: str
    frame: str


def embed_for(url):
    """The embed a pasted link stands for, or None for an ordinary link."""
    for provider in PROVIDERS:
        frame = provider.frame_for(url.strip())
        if frame:
            return Embed(provider, url.strip(), frame)
    return None
