from datetime import date

import pytest

from align.normalise.dates import DateContext, dateline, find_dates

WED = DateContext(published=date(2021, 3, 17), year=2021)


@pytest.mark.parametrize("text, expected", [
    ("Blinken and Austin met with their counterparts in Tokyo on Tuesday, on the opening day", [("Tuesday", "2021-03-16")]),
    ("Blinken and Austin will head to Seoul, South Korea on Wednesday, where", [("Wednesday", "2021-03-17")]),
    ("They met on Wednesday.", [("Wednesday", "2021-03-17")]),
    ("They will meet on Friday.", [("Friday", "2021-03-19")]),
    ("They met last Friday.", [("last Friday", "2021-03-12")]),
    ("In his first overseas travel as secretary of state March 15–18, Blinken", [("March 15–18", "2021-03-15/2021-03-18")]),
    ("Before a March 17 meeting with Foreign Minister Chung", [("March 17", "2021-03-17")]),
    ("It was signed on 12 June 2024.", [("12 June 2024", "2024-06-12")]),
    ("Zelenskyy arrived Dec. 21, 2022.", [("Dec. 21, 2022", "2022-12-21")]),
    ("The quake struck on Friday 28 March 2025.", [("Friday 28 March 2025", "2025-03-28")]),
    ("Talks were held last week.", [("last week", "2021-03-08/2021-03-14")]),
    ("He spoke yesterday.", [("yesterday", "2021-03-16")]),
    ("net zero emissions by 2050.", [("by 2050", "2050")]),
    ("The coup came in February 2021.", [("in February 2021", "2021-02")]),
    ("They signed it by Friday.", [("Friday", "2021-03-19")]),
    ("It must be approved by Friday.", [("Friday", "2021-03-19")]),
    ("Russia invaded in February.", [("in February", "2021-02")]),
    ("He will return in June.", [("in June", "2021-06")]),
    ("Talks collapsed in June.", [("in June", "2020-06")]),
    ("The question was left for further talks in April.", [("in April", "2021-04")]),  # next month: ahead
    ("Strikes went on over the weekend.", [("over the weekend", "2021-03-13/2021-03-14")]),
    # the start of a declared period: the nearer such day, whatever the declaring verb's tense
    ("He declared three days of national mourning beginning Friday.", [("Friday", "2021-03-19")]),
    ("A curfew was imposed starting Monday.", [("Monday", "2021-03-15")]),
    # "not until" in the past tense: a past day, not a deadline
    ("It was not until Monday that the first survivors were brought up.", [("Monday", "2021-03-15")]),
    # a weekday's event ("before Wednesday's final") takes the tense, not "before" as a deadline
    ("Three fans died in a crush before Monday's final.", [("Monday's", "2021-03-15")]),
    # a plan in reported speech ("said ... would"), an expectation, a possibility: ahead
    ("The airline said a replacement plane would fly passengers on to Boston on Wednesday.", [("Wednesday", "2021-03-17")]),
    ("The airline said the route would return to its regular schedule Friday.", [("Friday", "2021-03-19")]),
    ("A preliminary report is expected in August.", [("in August", "2021-08")]),
    ("Lawmakers could vote in March, opening the way for a snap election as early as June.",
     [("in March", "2021-03"), ("as early as June", "2021-06")]),
    # a plan made ("scheduled to"), not one undone ("was scheduled to")
    ("The company faces a trial scheduled to begin Feb. 9 in federal court.", [("Feb. 9", "2022-02-09")]),
    # the past perfect after a future marker ("did not have to ... had closed on Friday")
    ("The spa did not have to be evacuated because it had already closed on Friday.", [("Friday", "2021-03-12")]),
    ("Schools closed Monday and Tuesday and reopened Wednesday.",
     [("Monday and Tuesday", "2021-03-15/2021-03-16"), ("Wednesday", "2021-03-17")]),
    ("The Commission found that since at least 2014 the company had rigged the system.", [("since at least 2014", "2014")]),
    # a day within a month ahead stays ahead in the past tense; further off it is last year's
    ("The union called a new 24-hour strike for March 28.", [("March 28", "2021-03-28")]),
    ("The union called a strike on May 28.", [("May 28", "2020-05-28")]),
    # a year as an adjective
    ("He was convicted of the 2011 killing of a guard.", [("2011", "2011")]),
    # a month opening the sentence; last night
    ("In January, he traveled to Brussels.", [("In January", "2021-01")]),
    ("In a televised address last night, the president said so.", [("last night", "2021-03-16")]),
    # a fixed day in the present tense lies ahead, not a year back
    ("The hurricane season officially ends Nov. 30, forecasters said.", [("Nov. 30", "2021-11-30")]),
    # a plan lies ahead, whatever the tense of the verb that made it
    ("The next mission had been scheduled for June.", [("scheduled for June", "2021-06")]),
    # a month and day without a year: the side of the publication date the tense puts it on
    ("Yoon declared martial law on Dec. 3.", [("Dec. 3", "2020-12-03")]),
    ("He declared martial law on 3 December last year.", [("3 December", "2020-12-03"), ("last year", "2020")]),
    ("The hearing will be held on Jan. 20.", [("Jan. 20", "2022-01-20")]),
    ("The hearing was held on March 20.", [("March 20", "2021-03-20")]),  # within a week: as written
    ("The ban stays in force until July.", [("until July", "2021-07")]),
    ("About 10,000 hectares had burned by Monday evening.", [("Monday evening", "2021-03-15")]),  # past perfect
    ("In July 2018, a fire killed 104 people.", [("In July 2018", "2018-07")]),
    ("In 2018, more than 160 people died when a ferry sank.", [("In 2018", "2018")]),  # opening the sentence
    # a plan that "had been due" in a month gone by has passed
    ("The inspection, which had been due in February, was postponed.", [("due in February", "2021-02")]),
    # the weekday is the subject of a future; the object of a declaring verb: the nearer such day
    ("The prime minister said Saturday would be a day of national mourning.", [("Saturday", "2021-03-20")]),
    ("The premier declared Friday a day of national mourning.", [("Friday", "2021-03-19")]),
    # a deadline opening the sentence, the past perfect after it
    ("By Friday evening, savers had withdrawn about 8 billion euros.", [("Friday evening", "2021-03-12")]),
    ("He is expected to make a statement this afternoon.", [("this afternoon", "2021-03-17")]),
    # the start of what will be
    ("From Monday, pupils without proof of vaccination will be barred from school.", [("Monday", "2021-03-22")]),
    # a deadline met in the past tense: the nearer such day
    ("Firefighters brought the blaze under control by Tuesday afternoon.", [("Tuesday afternoon", "2021-03-16")]),
    ("Inflation was the highest since January last year.", [("since January last year", "2020-01")]),
    ("The last outage, in March last year, lasted four hours.", [("in March last year", "2020-03")]),
    ("He expects one more cut this year, probably in November.", [("this year", "2021"), ("in November", "2021-11")]),
    ("It asked the banks to report by 31 October on the harm.", [("31 October", "2021-10-31")]),  # a deadline
    ("The economy slowed in the second quarter.", [("in the second quarter", "2020-04-01/2020-06-30")]),
    ("The economy grew in the first quarter.", [("in the first quarter", "2021-01-01/2021-03-31")]),
    # dateparser's search_dates finds dates in all of these; none is a date
    ("for more than 60 years.", []),
    ("The talks may resume soon.", []),
    ("The 2+2 Dialogue met.", []),
    ("abandon a 2018 inter-Korean military peace pact", []),
    ("just one day after Kim Yo Jong spoke", []),
    ("for the next four years", []),
    ("greenhouse gas emissions", []),
])
def test_dates(text, expected):
    assert [(d.text, d.value) for d in find_dates(text, WED)] == expected


def test_no_publication_date_leaves_weekday_unresolved():
    got = find_dates("They met on Tuesday and on March 16.", DateContext(None, 2021, "co-source"))
    assert [(d.text, d.value, d.how) for d in got] == [
        ("Tuesday", None, "weekday without a publication date"),
        ("March 16", "2021-03-16", "year from co-source"),
    ]


@pytest.mark.parametrize("line, expected", [
    ("March 17, 2021", date(2021, 3, 17)),
    ("22 December 2022", date(2022, 12, 22)),
    ("Wednesday, March 17, 2021", date(2021, 3, 17)),
    ("Published: 2021-03-17", date(2021, 3, 17)),
    ("March 17", (3, 17)),
    ("US Secretaries of State and Defence Begin Asia Tour in Tokyo", None),
])
def test_dateline(line, expected):
    assert dateline(line) == expected


def test_a_month_in_that_year_takes_the_year_the_sentence_before_named():
    ctx = DateContext(published=date(2026, 7, 14), year=2026, that_year=2018)
    assert [(d.text, d.value) for d in find_dates("In July that year, a second ferry sank.", ctx)] == [
        ("In July that year", "2018-07")]
    # with no year before it, the month is read as any other (no tense: the nearer July)
    assert [(d.text, d.value) for d in find_dates("In July that year, a second ferry sank.", WED)] == [
        ("In July that year", "2021-07")]
