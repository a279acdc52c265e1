"""Whatever is pasted into a body, readers get only what the editor makes: figures,
tables, quotes and pull quotes, links. Frames, scripts, handlers and javascript: links are
dropped before the body is stored, so an embed exists only as a link the site turns into
a click-to-load placeholder."""

import pytest

from sahafa.articles.sanitize import sanitize_body
from sahafa.media.body import render_body
from sahafa.media.embeds import embed_for

pytestmark = pytest.mark.django_db


def test_frames_scripts_handlers_and_javascript_links_are_dropped():
    hostile = (
        '<iframe src="https://evil.example/track"></iframe>'
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>'
        '<p onclick="steal()" onmouseover="steal()">نص</p>'
        '<a href="javascript:alert(1)">اضغط</a>'
        '<img src="/media/library/x.jpg" onerror="steal()" alt="صورة">'
        '<blockquote class="pullquote evil" style="color:red"><p>اقتباس</p></blockquote>'
        '<figure class="figure" data-embed-src="https://evil.example">'
        '<script src="https://evil.example/x.js"></script></figure>'
        '<button type="button" class="embed-load">زر</button>'
    )

    clean = sanitize_body(hostile)

    for trace in ["iframe", "evil", "onclick", "onmouseover", "onerror", "javascript:"]:
        assert trace not in clean
    for trace in ["script", "style=", "data-embed-src", "<button"]:
        assert trace not in clean
    assert '<blockquote class="pullquote"><p>اقتباس</p></blockquote>' in clean
    assert '<img src="/media/library/x.jpg" alt="صورة">' in clean


def test_only_known_providers_become_embeds_and_others_stay_links():
    body = sanitize_body(
        '<p><a href="https://x.com/saudinews50/status/1790000000000000000">تغريدة</a></p>'
        '<p><a href="https://evil.example/watch?v=dQw4w9WgXcQ">فيديو؟</a></p>'
        '<p><a href="https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ">فيديو</a></p>'
    )

    rendered, shown = render_body(body)

    assert [embed.provider.key for embed in shown] == ["x"]
    assert "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000" in rendered
    assert '<a href="https://evil.example/watch?v=dQw4w9WgXcQ"' in rendered


@pytest.mark.parametrize(
    "link, frame",
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://twitter.com/spagov/status/123",
            "https://platform.twitter.com/embed/Tweet.html?id=123",
        ),
        ("https://www.instagram.com/p/C1a2b3/", "https://www.instagram.com/p/C1a2b3/embed/"),
        (
            "https://www.facebook.com/spa/posts/pfbid02abc",
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fspa%2Fposts%2Fpfbid02abc",
        ),
        (
            "https://www.tiktok.com/@spa/video/7300000000000000000",
            "https://www.tiktok.com/embed/v2/7300000000000000000",
        ),
        ("https://t.me/alarabiya/12345", "https://t.me/alarabiya/12345?embed=1"),
    ],
)
def test_each_provider_is_framed_from_its_own_embed_address(link, frame):
    assert embed_for(link).frame == frame
