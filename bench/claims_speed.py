"""Speed of the claims extractor on a synthetic ~1,000-word season-news article.

    .venv/bin/python -m bench.claims_speed [--runs 300]

Prints milliseconds per article (extract_claims + summarize + original_titles):

- first call: includes dateparser loading its English data (once per process);
- same article: the same text again and again (regexes compiled, date caches warm);
- varied articles: a different show, season, publication date and dates each time, so the
  cached dateparser results only help with spans that really repeat across articles.

Only a printed figure: no assertion (the goal is < 5 ms per article).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from crawler.extract.claims import extract_claims, original_titles, summarize

SHOWS = ("All of Us Are Dead", "Sweet Home", "Outer Banks", "The Witcher", "Jujutsu Kaisen")
MONTHS = ("January", "March", "May", "July", "September", "November")

TEMPLATE = """{show} Season {n} Release Date: Everything We Know
Updated on {pub_text} by Staff Writer
{show} ({korean}) is one of the most popular series on Netflix. The first season premiered on \
{month1} {day1}, {year1}, and quickly reached No. 1 on the global Top 10 in the U.S. and more \
than 90 other countries. Fans have been waiting for news of season {n} ever since, and the \
good news is that there is plenty to share.
Quick Facts
Season {n} Release Date: {month2} {day2}, {year2}
Platform: Netflix
Status: Renewed
{show} Season {n} Renewal Status
Netflix officially renewed {show} for season {n} in {month3} {year3}, just weeks after the \
previous season dropped. Director Kim Jae-hoon said the new season would explore the \
aftermath of the finale and introduce new characters. Filming began in early {year3} in Seoul \
and wrapped production in the summer of {year3}, according to the production company.
Also Read: Stranger Things Season 5 Release Date: Is It Happening On Netflix?
{show} Season {n} Release Date
Netflix confirmed that {show} season {n} will premiere on {month2} {day2}, {year2}, with all \
eight episodes dropping at once. The streamer announced the date at its Tudum event on \
{month3} {day1}, alongside a teaser trailer that shows the survivors returning to the city. \
Earlier reports suggested the season could arrive in late {year3}, but production delays \
pushed it back. If you missed it, the previous season is still available to stream.
{show} Season {n} Cast
Lee Jae-wook as Lee Jae-gyu
Park Ji-hu as Nam On-jo
Yoon Chan-young as Lee Cheong-san
Cho Yi-hyun as Choi Nam-ra
Most of the main cast will return, including Park Solomon and Lomon, while newcomer Kim Ji-won \
joins the cast as Seo Yoon, a doctor who knows more about the outbreak than she admits. The \
show's creator has also teased that a few fan-favourite characters from season {prev} could \
make surprise appearances, though nothing has been confirmed yet.
{show} Season {n} Plot
The first season followed a group of high school students trapped inside their school after a \
science teacher's experiment goes horribly wrong. As the infection spreads through the \
classrooms, the students barricade themselves in the music room, the library and the \
broadcasting studio, and try to reach the roof before the hallways are overrun. Outside, the \
city descends into chaos as the police and the army struggle to contain the outbreak, and the \
parents of the trapped children take matters into their own hands. The finale saw the \
survivors escape to a military quarantine camp, only to discover that one of their friends \
had become something new: a half-zombie who can think, speak and hide her hunger.
The writers have been careful not to reveal too much about what comes next, but the cast has \
dropped a few hints in interviews. One actor said that the group will have to decide whether \
they can trust each other after everything they went through, while another teased a new \
enemy who is far more dangerous than the zombies. The director added that the tone will be \
darker and more emotional, with a bigger focus on the families who lost their children and \
on the politicians who made the decision to bomb the city. Fans on social media have already \
started to build theories about the fate of the class president, who was last seen standing \
alone on the roof of the school as the helicopters flew away.
Beyond the story, the production is also expected to be much bigger than before. The first \
season was shot almost entirely on one set built to look like a school, but the new episodes \
will move across the city, from hospitals and shopping malls to the abandoned streets of the \
quarantine zone, with more action scenes, more extras and more visual effects.
The new season picks up six months after the events of the season {prev} finale. The students \
who survived the outbreak are now living in a quarantine zone, while the half-zombies who \
kept their human minds are hunted by the military. The story will also explore how the virus \
spread beyond the city, and why the government chose to hide the truth from the public.
Is there a trailer for {show} Season {n}?
Yes, Netflix released the official trailer on {month3} {day1}. Watch it below.
Where to watch {show}?
{show} season {prev} is available to stream on Netflix. You can also watch the show's \
behind-the-scenes documentary on the Netflix YouTube channel, which was published in \
{month1} {year1}.
Other shows like {show}
Sweet Home season 3 premiered on July 19, 2024, on Netflix, while Hellbound season 2 arrived \
on Netflix on October 25, 2024. Kingdom, another Korean zombie drama, has not been renewed \
for a third season yet, though its writer has said she has ideas for the story.
FAQs
When will {show} Season {n} release?
{show} Season {n} will be released on {month2} {day2}, {year2}, on Netflix.
How many episodes will season {n} have?
Season {n} will have eight episodes, like the previous season.
Will there be a season {next}?
Netflix has not announced anything about season {next} yet. Based on the show's track \
record, we expect an announcement later this year, but this should be taken with a grain of \
salt. Stay tuned for more updates on {show} and other K-dramas!
"""


def article(rng: random.Random) -> tuple[str, str, int, str]:
    """A synthetic article: (body, show, season, published ISO date)."""
    show = rng.choice(SHOWS)
    season = rng.randint(2, 5)
    year = rng.randint(2021, 2025)
    pub = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = TEMPLATE.format(
        show=show,
        n=season,
        prev=season - 1,
        next=season + 1,
        korean="지금 우리 학교는",
        pub_text=pub,
        month1=rng.choice(MONTHS),
        month2=rng.choice(MONTHS),
        month3=rng.choice(MONTHS),
        day1=rng.randint(1, 28),
        day2=rng.randint(1, 28),
        year1=year - 2,
        year2=year + 1,
        year3=year,
    )
    return body, show, season, pub


def run_once(body: str, show: str, season: int, pub: str) -> None:
    found = extract_claims(body, show=show, season=season, published=pub)
    summarize(found, published=pub)
    original_titles(body, show)


def per_article_ms(items: list[tuple[str, str, int, str]], batches: int = 5) -> float:
    """Median over ``batches`` of the mean milliseconds per article (robust to a noisy machine)."""
    size = max(1, len(items) // batches)
    results = []
    for b in range(batches):
        chunk = items[b * size : (b + 1) * size] or items
        start = time.perf_counter()
        for item in chunk:
            run_once(*item)
        results.append((time.perf_counter() - start) * 1000 / len(chunk))
    return statistics.median(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(7)

    body, show, season, pub = article(rng)
    words = len(body.split())
    start = time.perf_counter()
    run_once(body, show, season, pub)
    first = (time.perf_counter() - start) * 1000

    same = per_article_ms([(body, show, season, pub)] * args.runs)
    varied = per_article_ms([article(rng) for _ in range(args.runs)])

    print(f"article: {words} words")
    print(f"first call (loads dateparser data): {first:.1f} ms")
    print(f"same article, {args.runs} runs:     {same:.2f} ms/article (median of 5 batches)")
    print(f"varied articles, {args.runs} runs:  {varied:.2f} ms/article (median of 5 batches)")


if __name__ == "__main__":
    main()
