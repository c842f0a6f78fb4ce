using Timeline.Core.ArticleReading;
using Timeline.Core.Dates;

namespace Timeline.Tests.ArticleReading;

/// <summary>
/// The past/future rule: a date written without its year or week means the past reading, unless a reading is the
/// publication day or a period that holds it, or a future cue comes before the words and the future reading is at
/// most <see cref="ResolutionRule.FutureWindowDays"/> days ahead.
/// </summary>
public sealed class ResolutionRuleTests
{
    private static PartialDate[] Readings(string readings) => [.. readings.Split(' ').Select(r => PartialDate.Parse(r))];

    [Theory]
    // "The talks are scheduled to end on April 29" in a 9 April 2014 article: the future one, 20 days ahead.
    [InlineData("2014-04-09", "The talks are scheduled to end on ", "2013-04-29 2014-04-29", "2014-04-29", "2013-04-29")]
    // The same words with no cue: news reports what happened.
    [InlineData("2014-04-09", "The talks ended on ", "2013-04-29 2014-04-29", "2013-04-29", "2014-04-29")]
    // "On January 26" in a 4 February 2023 article.
    [InlineData("2023-02-04", "", "2023-01-26 2024-01-26", "2023-01-26", "2024-01-26")]
    // "on Wednesday" in an article of Thursday 26 January 2023: the day before, not the week after.
    [InlineData("2023-01-26", "The two leaders met ", "2023-01-25 2023-02-01", "2023-01-25", "2023-02-01")]
    // "Thursday evening" in a Thursday article: the publication day itself, over last week's...
    [InlineData("2023-01-26", "Ministers met on ", "2023-01-19 2023-01-26", "2023-01-26", "2023-01-19")]
    // ...and over next week's, even after a future cue.
    [InlineData("2023-01-26", "The talks will resume on ", "2023-01-26 2023-02-02", "2023-01-26", "2023-02-02")]
    // "in April" in an April article: the month that holds the publication day, whichever the other reading is.
    [InlineData("2014-04-09", "Prices rose ", "2014-04 2015-04", "2014-04", "2015-04")]
    [InlineData("2014-04-09", "Prices rose ", "2013-04 2014-04", "2014-04", "2013-04")]
    // "in July" in an April 2014 article, no cue: July 2013.
    [InlineData("2014-04-09", "The talks were relaunched ", "2013-07 2014-07", "2013-07", "2014-07")]
    // "in July" after a cue: July 2014 begins 83 days after the publication day.
    [InlineData("2014-04-09", "The talks are expected to resume ", "2013-07 2014-07", "2014-07", "2013-07")]
    // A cue, but the future reading more than 90 days away: the past one.
    [InlineData("2014-04-09", "The plant is expected to reopen ", "2013-11 2014-11", "2013-11", "2014-11")]
    // The window's edge: 90 days ahead is within it, 91 is not.
    [InlineData("2014-04-09", "The talks are due to end on ", "2013-07-08 2014-07-08", "2014-07-08", "2013-07-08")]
    [InlineData("2014-04-09", "The talks are due to end on ", "2013-07-09 2014-07-09", "2013-07-09", "2014-07-09")]
    // Three readings (an Arabic or Hebrew day without its year): the past one, the next one the alternative.
    [InlineData("2023-02-04", "", "2022-01-26 2023-01-26 2024-01-26", "2023-01-26", "2024-01-26")]
    [InlineData("2023-02-04", "The vote will be held on ", "2022-03-26 2023-03-26 2024-03-26", "2023-03-26", "2022-03-26")]
    // Every reading in the past or every one in the future: the nearest to the publication day.
    [InlineData("2014-04-09", "The talks will resume ", "2012-07 2013-07", "2013-07", "2012-07")]
    [InlineData("2014-04-09", "", "2014-05-01 2015-05-01", "2014-05-01", "2015-05-01")]
    public void Chooses_the_reading_the_article_means(string published, string textBefore, string readings, string chosen, string alternative)
    {
        var day = PartialDate.Parse(published).Value;
        foreach (var order in new[] { Readings(readings), Enumerable.Reverse(Readings(readings)).ToArray() })
        {
            var (date, other) = ResolutionRule.Choose(order, day, textBefore);
            Assert.Equal(chosen, date.ToIsoString());
            Assert.Equal(alternative, other?.ToIsoString());
        }
    }

    [Fact]
    public void Would_in_reported_speech_is_no_future_cue()
    {
        var (date, _) = ResolutionRule.Choose(Readings("2014-04-07 2014-04-14"), new DateTime(2014, 4, 9), "The ministry said it would appeal the ruling handed down on ");
        Assert.Equal("2014-04-07", date.ToIsoString());
    }

    [Theory]
    [InlineData("will")]
    [InlineData("due to")]
    [InlineData("expected to")]
    [InlineData("scheduled to")]
    [InlineData("set to")]
    [InlineData("until")]
    [InlineData("ahead of the deadline of")]
    [InlineData("planned for")]
    [InlineData("plans to")]
    [InlineData("upcoming")]
    [InlineData("ahead of")]
    [InlineData("WILL")]
    public void A_future_cue_before_the_words_chooses_the_near_future(string cue)
    {
        var (date, other) = ResolutionRule.Choose(Readings("2013-04-29 2014-04-29"), new DateTime(2014, 4, 9), $"The mediator said talks {cue} ");
        Assert.Equal("2014-04-29", date.ToIsoString());
        Assert.Equal("2013-04-29", other?.ToIsoString());
    }

    [Theory]
    [InlineData("The willing partners met on ")]
    [InlineData("The overdue report came out on ")]
    [InlineData("The unscheduled meeting took place on ")]
    [InlineData("The asset to liability ratio fell on ")]
    public void Words_that_only_contain_a_cue_are_not_one(string textBefore)
    {
        var (date, _) = ResolutionRule.Choose(Readings("2013-04-29 2014-04-29"), new DateTime(2014, 4, 9), textBefore);
        Assert.Equal("2013-04-29", date.ToIsoString());
    }

    [Fact]
    public void A_single_reading_is_returned_with_no_alternative()
    {
        var (date, other) = ResolutionRule.Choose(Readings("2011"), new DateTime(2014, 4, 9), "The talks will resume in ");
        Assert.Equal("2011", date.ToIsoString());
        Assert.Null(other);

        // The same reading twice is one reading.
        (date, other) = ResolutionRule.Choose(Readings("2014-04-29 2014-04-29"), new DateTime(2014, 4, 9), "");
        Assert.Equal("2014-04-29", date.ToIsoString());
        Assert.Null(other);
    }
}

/// <summary>Dates written out in Arabic and Hebrew: numeric, with a month name (Modern Standard Arabic, Levantine,
/// Hebrew with its attached prepositions), bare years; digits of any script.</summary>
public sealed class WrittenDatesTests
{
    private static readonly DateTime Published = new(2023, 2, 4);

    [Theory]
    [InlineData("وقع الانفجار في 26 يناير 2023 قرب المعبر", "26 يناير 2023", "2023-01-26")]
    [InlineData("وقع الانفجار في 26/1/2023 قرب المعبر", "26/1/2023", "2023-01-26")]
    [InlineData("وقع الانفجار في 26.1.2023 قرب المعبر", "26.1.2023", "2023-01-26")]
    [InlineData("وقع الانفجار في 2023-01-26 قرب المعبر", "2023-01-26", "2023-01-26")]
    [InlineData("وقع الانفجار في ٢٦/١/٢٠٢٣ قرب المعبر", "٢٦/١/٢٠٢٣", "2023-01-26")]
    [InlineData("وقع الانفجار في ٢٦ يناير ٢٠٢٣ قرب المعبر", "٢٦ يناير ٢٠٢٣", "2023-01-26")]
    [InlineData("بدأت المفاوضات في كانون الثاني 2023", "كانون الثاني 2023", "2023-01")]
    [InlineData("انتهت الهدنة في تشرين الأول 2022", "تشرين الأول 2022", "2022-10")]
    [InlineData("اندلعت الاحتجاجات في آب 2021", "آب 2021", "2021-08")]
    [InlineData("הפיצוץ אירע ב-26 בינואר 2023 ליד המעבר", "26 בינואר 2023", "2023-01-26")]
    [InlineData("השיחות החלו בינואר 2023", "בינואר 2023", "2023-01")]
    [InlineData("השיחות החלו ב-26.1.2023", "26.1.2023", "2023-01-26")]
    [InlineData("بدأ الحصار عام 2014", "2014", "2014")]
    [InlineData("המצור החל ב-2014", "2014", "2014")]
    [InlineData("بدأ الحصار عام ٢٠١٤", "٢٠١٤", "2014")]
    public void Reads_a_written_date(string sentence, string words, string date)
    {
        var found = Assert.Single(WrittenDates.Find(sentence, Published));
        Assert.Equal(words, found.Text);
        Assert.Equal(words, sentence.Substring(found.Start, found.Length));
        Assert.Equal(date, Assert.Single(found.Readings).ToIsoString());
    }

    [Theory]
    [InlineData("وقع الانفجار في 31/2/2023 قرب المعبر")]
    [InlineData("وقع الانفجار في 13/13/2023 قرب المعبر")]
    [InlineData("הפיצוץ אירע ב-30.2.2023")]
    [InlineData("قال الاب إن ابنه لم يعد")]
    [InlineData("صلى المؤمنون باسم الآب والابن")]
    [InlineData("اعتقل 40 شخصا و 1500 آخرون")]
    [InlineData("وصل الوفد أمس")]
    public void Finds_no_date_where_there_is_none(string sentence)
    {
        Assert.Empty(WrittenDates.Find(sentence, Published));
    }

    [Fact]
    public void A_day_without_its_year_has_the_readings_of_three_years()
    {
        var found = Assert.Single(WrittenDates.Find("التقى الوفدان في 26 يناير", Published));
        Assert.Equal("26 يناير", found.Text);
        Assert.Equal(["2022-01-26", "2023-01-26", "2024-01-26"], found.Readings.Order().Select(r => r.ToIsoString()).ToArray());
    }

    [Theory]
    [InlineData("التقى الوفدان في 26 يناير. وتستمر المحادثات.", "ar", "26 يناير", "2023-01-26")]
    [InlineData("המשלחות נפגשו ב-26 בינואר. השיחות נמשכות.", "he", "26 בינואר", "2023-01-26")]
    [InlineData("التقى الوفدان في آذار. وتستمر المحادثات.", "ar", "آذار", "2022-03")]
    public void An_article_in_arabic_or_hebrew_resolves_a_date_without_its_year_to_the_past(string text, string language, string words, string date)
    {
        var dates = new ArticleReader().Read(text, PartialDate.Day(2023, 2, 4), language);
        Assert.False(dates.RelativeDatesRead);
        var mention = Assert.Single(dates.Mentions);
        Assert.Equal(words, mention.Text);
        Assert.Equal(words, text.Substring(mention.Start, mention.Length));
        Assert.Equal(date, mention.Date.ToIsoString());
        Assert.NotNull(mention.Alternative);
    }
}

/// <summary>A new event's title drafted from its sentence, with the date words taken out.</summary>
public sealed class DraftTitleTests
{
    [Theory]
    [InlineData("On Tuesday, dockworkers at the port of Halvard walked off the job, union leaders said.", "Tuesday", "Dockworkers at the port of Halvard walked off the job")]
    [InlineData("On Tuesday, dockworkers at the port of Halvard walked off the job, union leaders said.", "On Tuesday", "Dockworkers at the port of Halvard walked off the job")]
    [InlineData("The Supreme Court struck down the press law on Wednesday.", "Wednesday", "The Supreme Court struck down the press law")]
    [InlineData("Yesterday, the ministry said it would study the ruling.", "Yesterday", "The ministry said it would study the ruling")]
    [InlineData("In March, a lower court upheld the law, officials said.", "March", "A lower court upheld the law")]
    public void Drafts_the_title_a_curator_would_start_from(string sentence, string date, string title)
    {
        Assert.Equal(title, DraftTitle.From(sentence, sentence.IndexOf(date, StringComparison.Ordinal), date.Length));
    }

    [Theory]
    [InlineData("On Tuesday, dockworkers at the port of Halvard walked off the job, union leaders said.", "On Tuesday")]
    [InlineData("on 3 November 2015, the two countries signed a trade agreement that expired in January.", "3 November 2015")]
    [InlineData("Last month the government announced that it would spend 200 million euros on flood defences along the Tessel and its tributaries in the north of the country, the minister said.", "Last month")]
    [InlineData("Shareholders approved the merger on Monday, creating the region's largest carrier by a wide margin across the whole of northern Europe and the Baltic states, it said.", "on Monday")]
    [InlineData("The central bank of Valdoria raised its main interest rate by half a percentage point on Thursday, its ninth increase since May 2021.", "on Thursday")]
    [InlineData("\"We will not give up,\" the union leader told reporters on Friday.", "on Friday")]
    [InlineData("Since 2016, the party has governed Mereva.", "2016")]
    [InlineData("Supertankerswaitingoffshoreforweekswithoutanyprospectofberthingbeforetheendofthemonthaccordingtothepilotsunionspokesman on Friday.", "on Friday")]
    public void A_draft_title_has_no_leading_date_word_is_short_and_starts_upper_case(string sentence, string date)
    {
        var title = DraftTitle.From(sentence, sentence.IndexOf(date, StringComparison.Ordinal), date.Length);
        Assert.InRange(title.Length, 1, DraftTitle.MaxLength);
        Assert.DoesNotMatch(@"^(?i:on|in|last|since)\b", title);
        Assert.True(char.IsUpper(title[0]), $"\"{title}\" does not start upper-case");
        Assert.Equal(title.Trim(), title);
        Assert.DoesNotContain(date, title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Inflation eased to 7.4 percent in February.", "in February", "Inflation")]
    [InlineData("Only 40 ships entered the port last week.", "last week", "Only")]
    [InlineData("Investors sold shares on Friday.", "on Friday", "Investors")]
    [InlineData("Online sales rose 12 percent in 2024.", "in 2024", "Online")]
    public void Keeps_a_first_word_that_only_begins_like_a_date_word(string sentence, string date, string firstWord)
    {
        var title = DraftTitle.From(sentence, sentence.IndexOf(date, StringComparison.Ordinal), date.Length);
        Assert.StartsWith(firstWord + " ", title, StringComparison.Ordinal);
    }
}

/// <summary>Sentences by ICU's rules, and pieces no longer than <see cref="SentenceBreaks.MaxLength"/>.</summary>
public sealed class SentenceBreaksTests
{
    [Fact]
    public void Threads_breaking_at_once_get_the_same_sentences()
    {
        // ICU4N's filtered iterator shares state between instances: without SentenceBreaks' lock this threw.
        var texts = Timeline.Tests.Support.Seeds.ArticleFiles.Select(Timeline.Tests.Support.Seeds.Read).ToList();
        var expected = texts.Select(t => SentenceBreaks.Of(t, "en")).ToList();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            Assert.Equal(expected[i % texts.Count], SentenceBreaks.Of(texts[i % texts.Count], "en")));
    }

    [Fact]
    public void Abbreviations_do_not_end_a_sentence()
    {
        const string text = "Mr. Abbas met U.S. envoy John Kerry. They talked.";
        var sentences = SentenceBreaks.Of(text, "en").Select(s => text.Substring(s.Start, s.Length)).ToArray();
        Assert.Equal(["Mr. Abbas met U.S. envoy John Kerry.", "They talked."], sentences);
    }

    [Theory]
    [InlineData("en", "The port closed on Tuesday.  Ships waited offshore!\n\nWill talks resume? Nobody knows.", 4)]
    [InlineData("ar", "هل انتهت المحادثات؟ قال المتحدث إنها ستستمر.", 2)]
    [InlineData("he", "השיחות נמשכו עד הלילה. הן יימשכו מחר.", 2)]
    public void Offsets_slice_the_text_into_trimmed_sentences(string language, string text, int count)
    {
        var spans = SentenceBreaks.Of(text, language);
        Assert.Equal(count, spans.Count);
        var previousEnd = 0;
        foreach (var span in spans)
        {
            Assert.InRange(span.Start, previousEnd, text.Length);
            Assert.InRange(span.End, span.Start + 1, text.Length);
            var words = text.Substring(span.Start, span.Length);
            Assert.Equal(words.Trim(), words);
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..span.Start]), $"text skipped before \"{words}\"");
            previousEnd = span.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]), "text skipped at the end");
    }

    public static TheoryData<string> LongTexts()
    {
        string[] words = ["dockworkers", "at", "the", "port", "walked", "off", "the", "job", "halting", "cargo", "traffic", "for", "days"];
        var spaced = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => words[i % words.Length]))[..5_000];
        var unbroken = new string('x', 5_000);
        var emoji = "a" + string.Concat(Enumerable.Repeat("\U0001F6A2", 2_500)); // odd offsets: a cut at 600 would split a pair
        return [spaced, unbroken, emoji];
    }

    [Theory]
    [MemberData(nameof(LongTexts))]
    public void A_text_with_no_punctuation_is_cut_into_pieces_that_cover_it(string text)
    {
        Assert.True(text.Length >= 5_000);
        var spans = SentenceBreaks.Of(text, "en");
        Assert.True(spans.Count > 1, "the text was not cut");
        var previousEnd = 0;
        foreach (var span in spans)
        {
            Assert.InRange(span.Length, 1, SentenceBreaks.MaxLength);
            Assert.True(span.Start >= previousEnd, "pieces overlap");
            // Nothing but spaces between pieces, and no character split in two.
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..span.Start]), $"text skipped at {previousEnd}");
            Assert.False(char.IsLowSurrogate(text[span.Start]), $"a piece starts inside a character at {span.Start}");
            Assert.False(char.IsHighSurrogate(text[span.End - 1]), $"a piece ends inside a character at {span.End}");
            previousEnd = span.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]), "text skipped at the end");
    }
}
