"""Speakers: titles dropped, Russian case forms normalised, pronouns and roles resolved."""

from tests.core.extract_helpers import by_text, quotes


def test_title_before_name_is_dropped():
    text = (
        'Russian President Vladimir Putin said: "We are open to talks." '
        "Пресс-секретарь президента Дмитрий Песков заявил: «Дата не определена»."
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Vladimir Putin", "Дмитрий Песков"]


def test_pronouns_resolve_to_last_named_speaker_of_fitting_gender():
    text = (
        'Maria Zakharova spoke first. "We saw the report," she said. '
        '"It changes nothing," Sergei Lavrov said. "Nothing at all," he added. '
        '"We will respond," she said.'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == [
        "Maria Zakharova",
        "Sergei Lavrov",
        "Sergei Lavrov",
        "Maria Zakharova",
    ]


def test_russian_pronouns_and_verb_gender():
    text = (
        "«Мы видели доклад», — сказала Мария Захарова. "
        "«Это ничего не меняет», — заявил Сергей Лавров. "
        "«Совсем ничего», — добавил он. "
        "«Мы ответим», — подчеркнула она."
    )
    assert [q.speaker for q in quotes(text)] == [
        "Мария Захарова",
        "Сергей Лавров",
        "Сергей Лавров",
        "Мария Захарова",
    ]


def test_roles_resolve_to_the_person_who_holds_them():
    text = (
        "Russian President Vladimir Putin met Foreign Minister Sergei Lavrov on Monday. "
        '"The meeting was useful," the minister said. '
        '"We agreed on the next steps," the Russian leader said. '
        '"Talks go on," the president added.'
    )
    assert [q.speaker for q in quotes(text)] == [
        "Sergei Lavrov",
        "Vladimir Putin",
        "Vladimir Putin",
    ]


def test_russian_roles_resolve():
    text = (
        "Президент России Владимир Путин провел встречу с главой МИД Сергеем Лавровым.\n"
        "«Встреча была полезной», — отметил министр.\n"
        "«Мы договорились о следующих шагах», — подчеркнул глава государства."
    )
    assert [q.speaker for q in quotes(text)] == ["Сергей Лавров", "Владимир Путин"]


def test_inflected_russian_names_are_one_person_in_nominative():
    text = (
        "По словам Дмитрия Пескова, встреча состоится в марте.\n"
        "«Подготовка идет», — сказал Песков.\n"
        "По мнению Марии Захаровой, решение ошибочно. «Мы ответим», — заявила Захарова."
    )
    found = quotes(text)
    assert [q.speaker for q in found] == [
        "Дмитрий Песков",
        "Дмитрий Песков",
        "Мария Захарова",
        "Мария Захарова",
    ]


def test_surname_alone_takes_the_full_name_seen_anywhere():
    text = (
        '"We are not in a hurry," Peskov said.\n'
        'Later, Kremlin spokesman Dmitry Peskov added: "Everything in its time."'
    )
    assert [q.speaker for q in quotes(text)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_appositive_title_after_name():
    text = 'Dmitry Peskov, the Kremlin spokesman, said: "No comment." "Nothing new," the spokesman said.'
    assert [q.speaker for q in quotes(text)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_pronoun_without_antecedent_stays_unknown():
    (q,) = quotes('"It is too early," he said.')
    assert q.speaker is None
    assert q.cue == "said"


def test_object_of_told_is_not_the_speaker():
    found = quotes('Recep Erdogan told Vladimir Putin: "We need a ceasefire."')
    assert by_text(found, "We need a ceasefire.").speaker == "Recep Erdogan"
    found = quotes('"We need a ceasefire," Recep Erdogan told Vladimir Putin.')
    assert by_text(found, "We need a ceasefire").speaker == "Recep Erdogan"


def test_initials_are_kept():
    (q,) = quotes("«Решение принято», — сказал В. Путин.")
    assert q.speaker == "В. Путин"


def test_po_ego_slovam_points_to_the_last_named_person():
    text = (
        "Дмитрий Песков выступил в Кремле. По его словам, «работа продолжается в штатном режиме»."
    )
    (q,) = quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("direct", "Дмитрий Песков", "По его словам")
    text = "Дмитрий Песков выступил в Кремле. По его словам, работа продолжается."
    (q,) = quotes(text)
    assert (q.kind, q.text, q.speaker) == ("reported", "работа продолжается", "Дмитрий Песков")


def test_pronoun_prefers_the_subject_of_a_recent_sentence_over_an_object():
    text = (
        '"We are close to a deal," Nikol Pashinyan said.\n'
        "Azerbaijani President Ilham Aliyev, speaking in Baku, was more cautious. "
        '"The ball is in their court," he said.\n'
        "Russian President Vladimir Putin met Turkish President Recep Erdogan on Monday. "
        '"We discussed trade," he said.\n'
        "The bloc's foreign policy chief, Kaja Kallas, welcomed the talks. "
        'She wrote on X that the EU "stands ready to help."'
    )
    found = quotes(text)
    assert by_text(found, "The ball is in their court").speaker == "Ilham Aliyev"
    assert by_text(found, "We discussed trade").speaker == "Vladimir Putin"
    assert by_text(found, 'the EU "stands ready to help."').speaker == "Kaja Kallas"
    assert by_text(found, 'the EU "stands ready to help."').cited_source == "X"


def test_a_paper_named_after_the_speaker_is_not_who_she_is():
    text = (
        "The city will turn its tram depot into a library, Mayor Helen Marsh said on Monday.\n\n"
        "“The depot will reopen in spring,” Marsh told the Riverton Herald.\n\n"
        "“It will cost 12 million dollars,” she said in an interview with the Herald."
    )
    assert [q.speaker for q in quotes(text)] == ["Helen Marsh"] * 3


def test_a_lone_surname_opening_a_sentence_is_the_he_that_follows():
    text = (
        "Senator Walter Brandt met Governor Oscar Lindqvist in Harbour City on Friday.\n\n"
        "Brandt later took a swipe at fellow candidate Oscar Lindqvist. "
        "He said the governor “has never balanced a budget.”"
    )
    found = quotes(text)
    assert by_text(found, "the governor “has never balanced a budget.”").speaker == "Walter Brandt"


def test_a_lone_capitalised_word_names_nobody():
    text = (
        "Paula Ortiz spoke at the rally. Super Tuesday is near, and Kenneth Moss is behind. "
        "She said the race “is wide open.”"
    )
    found = quotes(text)
    assert by_text(found, "the race “is wide open.”").speaker == "Paula Ortiz"


def test_an_opening_adverbial_is_not_the_subject_of_a_participle():
    text = (
        "Shortly after the hearing ended, Rita Okafor issued a statement, saying the ruling "
        "was a victory for tenants. Walking to her car, Okafor told reporters that the "
        "landlords would appeal. Hastily, Dov Amsel rejected the claim, saying that tenants had lost."
    )
    found = quotes(text)
    assert by_text(found, "the ruling was a victory for tenants").speaker == "Rita Okafor"
    assert by_text(found, "the landlords would appeal").speaker == "Rita Okafor"
    assert by_text(found, "tenants had lost").speaker == "Dov Amsel"


def test_first_names_from_the_packaged_list_tell_she_from_he():
    text = (
        "Howard Pike and Gretchen Vale met the tenants on Monday. "
        '"We will not sell the building," she said.'
    )
    (q,) = quotes(text)
    assert q.speaker == "Gretchen Vale"


def test_a_name_with_long_appositives_after_the_quote_speaks():
    text = (
        '"The levy will pay for itself," Hollis Verne, a budget adviser to the council and '
        "former director of the nonpartisan Harbour Fiscal Office, said on Monday.\n\n"
        '"I was sitting in a cell," Mr. Dorsky, now 81 and retired in Lakeview, Mass., said '
        "by telephone.\n\n"
        '"Nobody will be spared," Marcus T. Webb Jr., the director of the port police, said.'
    )
    found = quotes(text)
    assert by_text(found, "The levy will pay for itself").speaker == "Hollis Verne"
    assert by_text(found, "I was sitting in a cell").speaker == "Dorsky"
    assert by_text(found, "Nobody will be spared").speaker == "Marcus T. Webb"


def test_initials_and_titles_cut_by_the_sentence_splitter_still_name_the_speaker():
    text = (
        '"The port works as a lifeline," said J.R. Halloway, a fellow at the Marren Institute.\n\n'
        '"That ignited something," said Rev. Amos Kettering, pastor of the harbour chapel.\n\n'
        '"We have to take better care," said former Gov. Lyle Brandon of Port Marren.'
    )
    found = quotes(text)
    assert by_text(found, "The port works as a lifeline").speaker == "J. R. Halloway"
    assert by_text(found, "That ignited something").speaker == "Amos Kettering"
    assert by_text(found, "We have to take better care").speaker == "Lyle Brandon"


def test_common_noun_speakers_after_the_verb_are_kept_as_written():
    text = (
        '"Donald is an amazing leader," said the 46-year-old.\n\n'
        '"The decision matrix is brutal," said one person with knowledge of the talks, '
        "who spoke on condition of anonymity."
    )
    found = quotes(text)
    assert by_text(found, "Donald is an amazing leader").speaker == "the 46-year-old"
    assert (
        by_text(found, "The decision matrix is brutal").speaker
        == "one person with knowledge of the talks"
    )


def test_unnamed_party_members_speak_as_written():
    text = (
        '"The mayor will be defeated," said a Lakeview Republican, who asked not to be named.\n\n'
        '"Polls are misleading," another Lakeview Democrat added.'
    )
    found = quotes(text)
    assert by_text(found, "The mayor will be defeated").speaker == "a Lakeview Republican"
    assert by_text(found, "Polls are misleading").speaker == "another Lakeview Democrat"


def test_an_institution_before_the_name_does_not_hide_the_name():
    text = (
        '"The delegate math is daunting," explained Democratic strategist Owen Fairley.\n\n'
        '"Turnout will decide it," said Marren State University professor Iris Calloway.'
    )
    found = quotes(text)
    assert by_text(found, "The delegate math is daunting").speaker == "Owen Fairley"
    assert by_text(found, "Turnout will decide it").speaker == "Iris Calloway"


def test_honorific_and_surname_alone_is_a_person_with_a_gender():
    text = 'Mr. Hale and Ms. Ortiz toured the depot on Monday. "We will reopen it," she said.'
    (q,) = quotes(text)
    assert q.speaker == "Ortiz"


def test_they_refers_to_the_group_that_spoke_never_to_one_person():
    text = (
        "Port officials said on Monday that the bridge would open in spring. "
        "Mayor Helen Marsh agreed. "
        '"We are confident," they said.'
    )
    found = quotes(text)
    assert by_text(found, "We are confident").speaker == "Port officials"
    (q,) = quotes('Mayor Helen Marsh opened the depot. "We are confident," they said.')
    assert q.speaker is None  # no group spoke: not the mayor


def test_an_organisation_is_never_he_or_she():
    text = (
        "The transport ministry said the bridge would open in May.\n\n"
        '"We are on schedule," he said.'
    )
    found = quotes(text)
    assert by_text(found, "the bridge would open in May").speaker == "the transport ministry"
    assert by_text(found, "We are on schedule").speaker is None


def test_statement_of_officials_is_not_moved_to_the_president_named_before():
    text = (
        "President Alan Brisk opened the new clinic on Tuesday. "
        "Officials said the clinic would cut waiting times by half."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker) == ("the clinic would cut waiting times by half", "officials")


def test_appositive_relative_clause_and_unnamed_role():
    text = (
        "Lena Marsh, who hosted the talks, said the two sides were close to a deal. "
        "Jane Roe, a lawyer who represents the tenants, said that the notices were illegal. "
        "A Kremlin spokesman said the talks would resume in March."
    )
    found = quotes(text)
    assert by_text(found, "the two sides were close to a deal").speaker == "Lena Marsh"
    assert by_text(found, "the notices were illegal").speaker == "Jane Roe"
    assert by_text(found, "the talks would resume in March").speaker == "a Kremlin spokesman"


def test_a_sentence_end_does_not_join_two_names():
    text = (
        "Bloomberg puts his fortune at $42 billion from his ownership of Kettle. "
        "Forbes, however, says that Mr. Amsel is no longer a billionaire."
    )
    found = quotes(text)
    assert by_text(found, "Mr. Amsel is no longer a billionaire").speaker == "Forbes"


def test_a_headline_labelled_with_a_name_gives_the_closing_quote_its_speaker():
    text = (
        "Dr. Ben Carver: Mayor Marsh ‘Not Fit To Run The Harbour Board.’\n\n"
        "Khans: Mayor stirs ‘ugliness’\n\n"
        "Dr. Ben Carver said on Monday that the mayor had misled voters."
    )
    found = quotes(text)
    # the headline's quoted fragment comes inside one mixed quote, as for "Khans: …" below
    closing = by_text(found, "Mayor Marsh ‘Not Fit To Run The Harbour Board.’")
    assert (closing.kind, closing.speaker) == ("reported", "Ben Carver")
    assert by_text(found, "Mayor stirs ‘ugliness’").kind == "reported"  # not the fragment


def test_a_name_before_appositives_with_a_relative_clause_or_a_perfect_speaks():
    text = (
        "Wanda Pell, a close friend of the mayor's who was her chief of staff, said, "
        "“Even then, nobody listened.”\n\n"
        "Ivo Strand, the founder of the Marren Harbour Trust, has said that the port "
        "“will never be sold.”"
    )
    found = quotes(text)
    assert by_text(found, "Even then, nobody listened.").speaker == "Wanda Pell"
    assert by_text(found, "the port “will never be sold.”").speaker == "Ivo Strand"


def test_a_paragraph_ending_with_a_colon_introduces_its_subjects_words():
    text = (
        "When the old mayor died in 1998, Governor Ada Brisk released the following statement:\n\n"
        "“Our whole state mourns a friend and a fighter.”"
    )
    (q,) = quotes(text)
    assert q.speaker == "Ada Brisk"


def test_documents_demonyms_and_adjectives_before_names_speak():
    text = (
        "“The pier is unsafe,” said conservative activist Bob Klausner.\n\n"
        "“Those are skilled governors,” the Texan said.\n\n"
        "The email goes on to say: “The harbour board has failed every family in Marren.”"
    )
    found = quotes(text)
    assert by_text(found, "The pier is unsafe").speaker == "Bob Klausner"
    assert by_text(found, "Those are skilled governors").speaker == "the Texan"
    assert (
        by_text(found, "The harbour board has failed every family in Marren.").speaker
        == "the email"
    )


def test_a_quote_standing_alone_after_a_sentence_about_someone_is_theirs():
    text = (
        "“The budget is balanced,” Mayor Helen Marsh said on Monday.\n\n"
        "Councillor Owen Brisk continued his attack on the plan at the evening session.\n\n"
        "“Eight years ago she promised a new library. We are still waiting.”"
    )
    found = quotes(text)
    assert by_text(
        found, "Eight years ago she promised a new library. We are still waiting."
    ).speaker == ("Owen Brisk")


def test_a_known_first_name_beats_a_title_and_a_russian_looking_ending():
    text = (
        "Campaign spokesman Hope Hicks confirmed that the group was independent. "
        "Asian Americans for Brisk held a rally. "
        '"They are not affiliated with the campaign," she said.\n\n'
        'Jill Stein spoke next. "We will be on the ballot," she said.'
    )
    found = quotes(text)
    assert by_text(found, "They are not affiliated with the campaign").speaker == "Hope Hicks"
    assert by_text(found, "We will be on the ballot").speaker == "Jill Stein"


def test_a_participle_speaks_for_the_sentence_subject_not_its_object():
    text = (
        "Brandt endorsed Lindqvist in early June, but only after deliberating over the "
        "decision, telling reporters in May that he was “not quite there yet.”"
    )
    (q,) = quotes(text)
    assert q.speaker == "Brandt"


def test_capitalised_common_words_and_contractions_are_not_names():
    text = (
        "Well, that's that. Ada Brisk spoke at the depot.\n\n"
        "“I'd add one thing,” she said.\n\n"
        "Orlando-based donors wrote to Ada Brisk, saying that the depot “is a disgrace.”"
    )
    found = quotes(text)
    assert by_text(found, "I'd add one thing").speaker == "Ada Brisk"
    assert all(q.speaker not in ("Well", "I'd", "Orlando-based") for q in found)


def test_a_common_noun_subject_before_a_colon_quote_speaks_as_written():
    text = "The former pollster said, “The mayor is behind in a number of polls.”"
    (q,) = quotes(text)
    assert q.speaker == "the former pollster"


def test_a_statement_issued_by_the_subject_is_theirs():
    text = (
        "Immediately after the flood, Senator Ruth Okafor issued a statement, "
        "“Last night, our city was tested.”"
    )
    (q,) = quotes(text)
    assert q.speaker == "Ruth Okafor"


def test_an_earlier_she_fixes_the_gender_of_a_name_that_does_not_tell_it():
    text = (
        'Robin Vance opened the hearing. "The levy is fair," she said. '
        'Later Tom Greer spoke. "It is not," he said. "We disagree," she said.'
    )
    assert [q.speaker for q in quotes(text)] == ["Robin Vance", "Tom Greer", "Robin Vance"]


def test_the_senator_is_the_last_person_titled_senator():
    text = (
        "Senator Ruth Okafor met Mayor Tom Greer on Friday. "
        'The senator said the budget was "a disgrace."'
    )
    (q,) = quotes(text)
    assert q.speaker == "Ruth Okafor"


def test_a_middle_name_that_is_also_a_place_word_stays_a_name():
    text = (
        "The loop feeds itself.\n\n"
        '"It is really jarring to watch," said Marian Hall Okoye, a professor of rhetoric.'
    )
    (q,) = quotes(text)
    assert q.speaker == "Marian Hall Okoye"


def test_a_bare_surname_shared_by_relatives_means_the_one_named_first():
    text = (
        "Governor Alan Brisk opened the fair on Monday. "
        'His daughter, Tess Brisk, told the crowd, "My father never rests." '
        '"We will build the bridge," Brisk said. "It will be ready by May," he added.'
    )
    assert [q.speaker for q in quotes(text)] == ["Tess Brisk", "Alan Brisk", "Alan Brisk"]


def test_a_party_word_before_a_name_is_not_part_of_it():
    text = (
        "Republican Jane Whitlow told reporters she would rather vote for Ruth Okafor.\n\n"
        "“I am ashamed of the endorsement,” she said. "
        '"It was a mistake," said Democrat Tom Greer.'
    )
    assert [q.speaker for q in quotes(text)] == ["Jane Whitlow", "Jane Whitlow", "Tom Greer"]


def test_a_common_noun_that_spoke_is_a_later_he():
    text = (
        'Walter Birch, a law professor, studies funds. "Fees matter," Birch said.\n\n'
        "The couple met a partner at a firm.\n\n"
        "The solution, the partner told them, was simple. "
        '"Just put your money in index funds," he said.'
    )
    assert [q.speaker for q in quotes(text)][-1] == "the partner"


def test_an_honorific_of_the_other_gender_is_a_relative_not_the_same_person():
    text = (
        "Omar Rahim, a retired engineer, spoke at the rally about his son. "
        "Later Ms. Rahim wrote an essay. "
        '"I felt the whole country with me," she wrote. '
        '"Nobody should have to ask why I stayed silent," she added.'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Rahim", "Rahim"]
    assert all(q.speaker != "Omar Rahim" for q in found)


def test_a_name_before_a_staff_title_is_a_modifier_not_the_subject():
    text = (
        "Dana Ortiz won the primary. "
        "On Monday, Ortiz campaign manager Neil Baxter released a memo. "
        '"We have built a lead that cannot be closed," he writes.'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Neil Baxter"]


def test_a_name_after_a_pronoun_subject_is_not_the_next_he():
    text = (
        '"We will win this state," Paul Grant said on Monday. '
        "Though he did not mention Ted Lowe by name, he made his point. "
        '"Some rivals should step aside," he said.'
    )
    assert [q.speaker for q in quotes(text)][-1] == "Paul Grant"


def test_a_pronoun_before_the_cue_means_someone_named_before_it():
    text = (
        "Ann Diaz spoke to reporters in the morning. "
        "She said after Mary Lott left that the matter was closed."
    )
    assert [q.speaker for q in quotes(text)] == ["Ann Diaz"]


def test_a_name_in_an_opening_clause_is_not_the_sentence_subject():
    text = (
        '"Taxes will fall," Paul Grant said. '
        "When Ted Lowe called the plan reckless on Friday, Grant stood firm. "
        '"It adds up," he said.'
    )
    assert [q.speaker for q in quotes(text)][-1] == "Paul Grant"


def test_a_possessive_name_is_not_the_sentence_subject():
    text = (
        '"Taxes will fall," Paul Grant said. '
        "Ted Lowe's remarks on the plan drew fire from both parties. "
        '"It adds up," he said.'
    )
    assert [q.speaker for q in quotes(text)][-1] == "Paul Grant"


def test_as_a_named_person_with_an_appositive_put_it():
    text = (
        'As Jane Roe, a senior senator, put it: "This nominee will not be confirmed this year."\n\n'
        'As Tom Hale, the No. 2 in the leadership, put it: "There is no reason to meet him."'
    )
    assert [q.speaker for q in quotes(text)] == ["Jane Roe", "Tom Hale"]


def test_an_unnamed_source_described_at_length_after_said():
    text = (
        '"We need answers, and we need them now," said a prominent Riverton Party '
        "committee member who supports the plan, asking for anonymity.\n\n"
        '"The drop is real," said one person with knowledge of the talks, who spoke '
        "on condition of anonymity."
    )
    assert [q.speaker for q in quotes(text)] == [
        "a prominent Riverton Party committee member",
        "one person with knowledge of the talks",
    ]


def test_a_lowercase_title_between_said_and_the_name():
    text = (
        '"This will appear in some ad," said pollster Frank Lunt.\n\n'
        '"Thanks for welcoming us," said master of ceremonies Asab Tahir, an engineer.\n\n'
        '"Nobody saw it coming," said one Lunt confidant.'
    )
    assert [q.speaker for q in quotes(text)] == [
        "Frank Lunt",
        "Asab Tahir",
        "one Lunt confidant",
    ]


def test_a_party_tag_between_commas_and_an_apostrophe_surname():
    text = (
        '"Let me make it perfectly clear," Senate Majority Leader Mitch Conley, R-Ky., said.\n\n'
        '"They stripped the bark off him," said Mr. O\'Brien, a former editor.'
    )
    assert [q.speaker for q in quotes(text)] == ["Mitch Conley", "O'Brien"]


def test_a_participle_after_an_opening_adverb_and_a_pronoun():
    text = (
        "Tom Kerpen spoke to the crowd.\n\n"
        "Later he needled the reporter, saying, “This is not the first time you did this.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Kerpen"]


def test_a_participle_whose_sentence_opens_with_a_description():
    text = (
        "The former presidential candidate continued, saying, "
        '"You need somebody who understands how to build things."'
    )
    assert [q.speaker for q in quotes(text)] == ["the former presidential candidate"]


def test_it_opening_a_sentence_before_a_quote_is_the_body_that_spoke():
    text = (
        '"Three calls were made, not more," the Riverton Herald reported. '
        'It added, "The owner declined to comment on the matter."'
    )
    assert [q.speaker for q in quotes(text)] == ["the Riverton Herald", "the Riverton Herald"]


def test_a_quote_signed_on_the_next_line_with_a_hyphen():
    text = (
        "The claims we checked follow.\n\n"
        '"Almost all new income is going to the top 1 percent."\n\n'
        "- Dana Ortiz.\n\n"
        "The senator is relying on an outdated statistic."
    )
    assert [q.speaker for q in quotes(text)] == ["Dana Ortiz"]


def test_an_adverb_or_lead_in_verb_after_the_appositive_comma():
    text = (
        'Lena Ortiz, exasperated, famously responded: "What difference does it make now?"\n\n'
        "Tom Hale, who signed the gun laws as governor, interjected to say: "
        '"They have both been inconsistent on this issue."'
    )
    assert [q.speaker for q in quotes(text)] == ["Lena Ortiz", "Tom Hale"]


def test_a_contracted_is_after_a_surname_keeps_it_the_subject():
    text = (
        "Chris Hale lit into Mark Dunn on Saturday. "
        "Hale's been making the case for weeks that Dunn is not ready. "
        '"You have never been held accountable," he said.'
    )
    assert [q.speaker for q in quotes(text)] == ["Chris Hale"]


def test_a_surname_that_is_also_a_place_word_after_a_quote():
    text = (
        "Rep. Steve Israel spoke to the party on Friday.\n\n"
        '"When the nominee comes, they will need interns to fill the seats," Israel said.\n\n'
        "The West was quiet that night.\n\n"
        '"It is a different world now, and we all know it," West said.'
    )
    assert [q.speaker for q in quotes(text)] == ["Israel", None]
