"""Every sentence the pages Huddle makes show or say, in one place.

The build writes some of them into the pages (assessment, framework, printable,
case study, team, rater and 360 pages), the scoring package renders others in
the worker (results, team profile, 360 feedback, survey import), and the page
script shows the rest as things happen: it receives this table as JSON and
fills in the `{name}` fields, so no sentence is written in JavaScript. A site
can say any of them in its own words (the huddle plugin's `strings` file,
checked by `generator/wording.py`). The build makes one `Messages` of them and
passes it to every renderer; the worker makes one of the wording in
`framework.json`, once per framework. Nothing here changes once made, so two
sites built (or two pages scored) in one process never borrow each other's words.

A sentence the build writes into a page's Markdown is Markdown (`**bold**`
works), with the fields the build fills in escaped. Titles, headings, link
texts and table headings are plain text, escaped whole, and so is every
message in a page's HTML (forms, buttons) or shown by the scoring package or
the page script. A plural is two messages, `...-one` and `...-many`. A message said of
whoever was rated has a wording for a team and one for a board too (`...-team`,
`...-board`), which `voice.py` chooses by the framework's audience.
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_HUDDLE_WORDS: dict[str, str] = {
    # The assessment page's intro (pages/assessment.py), Markdown: **bold** and the like work.
    "intro-measures": "**What it measures:** {competencies} in {domains}: {names}.",
    "intro-time": "**How long it takes:** {statements}, about {minutes}. Answer what you can; you can leave any "
    "statement out.",
    "count-competencies-one": "{count} competency",
    "count-competencies-many": "{count} competencies",
    "count-domains-one": "{count} domain",
    "count-domains-many": "{count} domains",
    "count-statements-one": "{count} statement",
    "count-statements-many": "{count} statements",
    "count-minutes-one": "{count} minute",
    "count-minutes-many": "{count} minutes",
    "intro-private": "**Your answers stay on this device.** They are scored in this browser and never sent "
    "anywhere. Nothing is stored unless you choose to save your progress.",
    "intro-printable": "Printable version with scoring key",
    "intro-about": "About this framework",
    "start": "Start now",
    "resume-title": "Continue from a result you downloaded before",
    # The questionnaire (pages/questionnaire.py): its notices, buttons and saving controls.
    "no-javascript": "Scoring your answers needs JavaScript, which is off or blocked in this browser. You can still "
    "read and answer every statement, or use the {printable}.",
    "see-results": "See my results",
    "try-again": "Try again",
    "gaps-text": "Every statement is optional, but each one you answer makes the picture fuller. A competency with "
    "fewer than half of its statements answered shows “{not_enough}”.",
    "continue-answering": "Continue answering",
    "see-results-now": "See results now",
    "save-label": "Save my progress on this device",
    "save-hint": "Your answers are kept in this tab until you close it, so a reload or going back does not lose them. "
    "This option, off unless you turn it on, also keeps them after the tab is closed, in this browser's local "
    "storage on this device only, so you can come back to them. Nothing is sent anywhere. Leave it off on a "
    "shared computer.",
    "clear": "Clear my answers",
    "clear-confirm": "Clear every answer on this page and on this device, and the list of pages of this site "
    "it keeps for offline use? This cannot be undone.",
    "clear-yes": "Yes, clear my answers",
    "clear-no": "No, keep them",
    # A framework's reference page and its competencies' pages (pages/framework.py), Markdown.
    "framework-title": "About the framework: {title}",
    "take-assessment": "Take the self-assessment",
    "framework-version": "**Version:** {version}",
    "framework-audience": "**For:** {audience}",
    "framework-licence": "**Licence:** {licence}",
    "framework-source": "**Source:**",
    "audience-individual": 'Individuals (statements about "I")',
    "audience-team": 'Teams (statements about "we", the team)',
    "audience-board": 'Boards: executive and non-executive directors (statements about "we", the board)',
    "scale-title": "Rating scale",
    "scale-value": "Value",
    "scale-answer": "Answer",
    "scale-not-applicable": 'The answer "{answer}" is never scored.',
    "bands-title": "Score bands",
    "bands-scores": "Scores",
    "bands-band": "Band",
    "bands-meaning": "What it means",
    "score-rule": "A competency's score is the weighted mean of its answered items, with the items marked "
    "“counted in reverse” counted the other way round (they describe what not to do); with fewer than half of its "
    "items answered it has no score.",
    "note-reverse": "(counted in reverse)",
    "note-reverse-weight": "(counted in reverse, weight {weight})",
    "note-weight": "(weight {weight})",
    "competency-of": "A competency of {framework}, in {domain}.",
    "looks-like-title": "What it looks like",
    "competency-studies-title": "Case studies that show this",
    "competency-no-studies": "No case study shows this competency yet.",
    "competency-assess": "Assess yourself on this",
    "changelog-title": "What changed",
    "changelog-version": "Version {version}",
    "changelog-version-date": "Version {version}, {date}",
    "framework-reading-title": "Further reading",
    "framework-reading-note": "Published by other organisations, and listed for reading next.",
    # The printable version (pages/printable.py), Markdown.
    "printable-title": "{title}: printable version",
    "printable-intro": "Version {version}. Tick one box for each statement; leave a statement blank if you prefer. "
    "Then work out your scores with the key at the end. {online} scores it for you, in your browser.",
    "printable-intro-team": "Version {version}. Tick one box for each statement; leave a statement blank if you "
    "prefer. Then work out your scores for the team with the key at the end. {online} scores it for you, in your "
    "browser.",
    "printable-intro-board": "Version {version}. Tick one box for each statement; leave a statement blank if you "
    "prefer. Then work out your scores for the board with the key at the end. {online} scores it for you, in your "
    "browser.",
    "printable-online": "The online version",
    "scoring-key-title": "Scoring key",
    "scoring-key-values": "Each answer counts for its number: {values}.",
    "scoring-key-not-applicable": "“{answer}” does not count at all.",
    "scoring-key-rule": "For a statement marked *reversed*, count {sum} minus your answer instead (so {high} counts "
    "as {low}). Multiply each counted answer by its weight (1 unless the key gives another), add them up, and divide "
    "by the total weight of the statements you answered: that is the competency's score. If fewer than half of its "
    "statements are answered, it has no score.",
    "key-statements": "Statements",
    "key-reversed": "(reversed)",
    "key-reversed-weight": "(reversed, weight {weight})",
    "printable-bands": "Bands: {bands}.",
    "printable-own-bands": "For {competency} the bands are: {bands}.",
    "printable-band": "{start} or more: {label}",
    # Case studies (pages/casestudies.py): the index, the listings, what each case study page gains. Markdown.
    "studies-index-title": "Case studies",
    "studies-intro": "How teams share leadership, in their own settings. The newest stories come first; after them "
    "you can narrow the list by setting, by the competency a story shows, or by topic.",
    "studies-all-title": "All case studies ({count})",
    "studies-find-title": "Find case studies by setting, competency or topic",
    "studies-filter-setting": "Setting",
    "studies-filter-topic": "Topic",
    "studies-listing-title": "Case studies: {label}",
    "studies-in-setting": "Case studies set in: {setting}.",
    "studies-tagged": "Case studies tagged “{tag}”.",
    "studies-all": "All case studies",
    "study-setting": "**Setting:** {setting}",
    "study-setting-illustrative": "**Setting:** {organisation} ({setting})",
    "study-tags": "**Tags:** {tags}",
    "study-from": "**From:** {organisation}",
    "study-date": "**Date:** {date}",
    "illustrative-title": "Illustrative example",
    "illustrative-text": "This is a composite example written to show the ideas, not the account of a single real "
    "team.",
    "study-competencies-title": "Competencies this shows",
    "study-competency": "{competency}, in {framework}",
    "study-assess-title": "Assess yourself",
    "study-sources-title": "Sources",
    "study-reading-title": "Further reading",
    # The settings a case study can have (casestudies/model.py).
    "setting-acute": "Acute hospital",
    "setting-community": "Community services",
    "setting-mental-health": "Mental health",
    "setting-primary-care": "Primary care",
    "setting-ambulance": "Ambulance service",
    "setting-board": "Board",
    "setting-system": "System and partnerships",
    "setting-acute-in-sentence": "acute hospital",
    "setting-community-in-sentence": "community services",
    "setting-mental-health-in-sentence": "mental health",
    "setting-primary-care-in-sentence": "primary care",
    "setting-ambulance-in-sentence": "ambulance service",
    "setting-board-in-sentence": "board",
    "setting-system-in-sentence": "system and partnerships",
    # The team (or board) profile, rater and 360 pages (pages/collective.py), Markdown.
    "whose-team": "team",
    "whose-board": "board",
    "team-title": "{title}: {whose} profile",
    "team-intro": "Pool the result codes that people choose to share after taking the "
    "[self-assessment]({assessment_url}), and see the {whose}'s profile: the mean score for each competency, how "
    "widely people differ, and where they see things most differently. Everything happens in this browser; nothing "
    "is sent anywhere.",
    "team-least": "**At least {least} codes.** Nothing is shown from fewer, and a competency's score is withheld "
    "when fewer than {least} people answered enough of its statements.",
    "team-groups": "**Groups**, where the self-assessment has them, are compared only when each group has enough "
    "codes.",
    "honesty": "**Honestly:** Result codes carry no names, but they are not anonymous: whoever collects them can read "
    "one person's answers by decoding their code. The threshold stops this page from showing small groups; it cannot "
    "stop someone who decodes a single code. For real anonymity, collect codes through a channel that records no "
    "names, such as a form that asks for nothing else, or slips of paper in a box.",
    # Sealed codes on the collective pages (pages/collection.py, collective.js, assessment.js).
    "collection-title": "Sealed codes: invite people by link",
    "collection-intro-team": "For more than plain codes: set up a collection here and send each person their own "
    "invitation link to the self-assessment. The code a person gets from their link is sealed: only whoever holds "
    "the collection's key file can read it, and each link counts once, so nobody can pass as several people.",
    "collection-intro-feedback": "For feedback the person rated cannot read one by one: someone other than that person "
    "sets up a collection here and sends each colleague their own invitation link to the feedback page. Their codes "
    "are sealed: only whoever holds the collection's key file can open them, and each link counts once, so nobody "
    "can add codes of their own making.",
    "collection-warning": "Before you start: the key is made in this browser and nothing is sent anywhere; you "
    "download it as a key file. Whoever has this file can open every code of the collection, so keep it as you "
    "would the answers themselves. If you lose it, nobody can open the codes.",
    "collection-count-label": "How many people to invite",
    "collection-make": "Set up a collection and download its key file",
    "collection-more": "Make more invitation links",
    "collection-key-label": "Load a collection key file (to open its codes, or make more links)",
    "collection-made": "Collection {collection} is set up and its key file is downloaded: keep it safe. Send each "
    "person one of the links below, and no link to two people.",
    "collection-loaded": "Collection {collection} is loaded ({issued} invitations made): its sealed codes are "
    "opened when you show the profile.",
    "collection-more-made": "{count} more invitation links are made. The key file is downloaded again with the "
    "number of invitations made: keep the newest one.",
    "collection-count-bad": "Give a whole number of people from 1 to {most}.",
    "links-title": "Invitation links, one per person",
    "invitation-label": "Invitation {number}",
    "copy-link": "Copy link",
    "link-copied": "Invitation {number} is copied.",
    "link-not-copied": "This browser did not let the page copy; the link is selected, so copy it yourself.",
    "print-links": "Print the links",
    "no-sealing": "This page cannot make or open sealed codes here: it needs a secure connection (an address that "
    "starts with https). Plain codes still work.",
    "code-sealed-note": "You came from an invitation of collection {collection}, so your code will be sealed: only "
    "whoever set up the collection, with its key file, can read your answers, and your invitation counts once.",
    "code-sealed-made": "Your code is sealed for collection {collection}. Copy it and send it the way you were asked.",
    "invitation-no-sealing": "You came from an invitation, but this browser cannot seal codes here (it needs a "
    "secure connection), so your code is a plain one: anyone who has it can read your answers.",
    "rater-sealed": "Your code will be sealed for collection {collection}: only the person who set up this "
    "collection can open it; they see your answers. The person you rate sees a line manager's answers on their own, "
    "and everyone else's only in groups of at least {least}.",
    "codes-label": "Result codes",
    "codes-hint-team": "Paste one code a line, or load a text file of them.",
    "codes-file-label": "Load a text file of codes",
    "round-title": "Compare with an earlier round",
    "round-label": "The earlier round's result codes",
    "survey-title": "Load a survey export (CSV)",
    "survey-text": "From Microsoft Forms, Qualtrics or another survey tool set to anonymous: one row per person, one "
    "column per statement, headed by the statement or its id. The same rule of at least {least} people applies.",
    "survey-label": "Survey export (a .csv file)",
    "organisation-title": "{title}: organisation view",
    "organisation-intro": "See many teams' profiles side by side, for a leadership programme across an "
    "organisation. Each team's facilitator shows its profile on the [team page]({team_url}) and downloads its "
    "profile file; load them all here. Or load one survey export with a column that says each person's team. "
    "Everything is worked out in this browser: nothing is sent anywhere.",
    "organisation-least": "**At least {least} people a team.** A team with fewer is named but not shown, and is in "
    "no pooled figure, so that no one's answers can be picked out or worked out by subtraction.",
    "organisation-groups": "**Groups of teams** come from the teams' labels: “Medicine / Ward 7” is in the group "
    "“Medicine”. A group is pooled only from at least {least} teams shown.",
    "organisation-files": "**A profile file holds only what its team page showed:** the scores, how many people "
    "have one and the band counts shown; no codes and no answers. A file changed by hand is left out: its checksum "
    "catches changes and damage, but anyone could make a file that passes it, so trust the files as you trust "
    "whoever sends them.",
    "organisation-files-label": "This round's profile files (choose several at once)",
    "organisation-round-title": "Compare with an earlier round",
    "organisation-round-label": "The earlier round's profile files (choose several at once)",
    "organisation-survey-title": "Or use a survey export with a column for each person's team",
    "organisation-survey-text": "Export the survey as CSV with a column that says each person's team, directorate "
    "or staff group, then choose that column. Each group is a team, shown from {least} people.",
    "organisation-show": "Show the organisation view",
    "organisation-view-title": "Teams side by side",
    "download-heat": "Download the heat map (CSV)",
    "teams-counted": "{counted} teams read.",
    "profile-file-title": "For the organisation view",
    "profile-file-text": "Download this profile as a file for the organisation view of a programme across many "
    "teams. It holds only what this page shows.",
    "team-label-label": "The team's label",
    "team-label-hint": "For example “Medicine / Ward 7”: the part before “/” groups teams. At most {most} "
    "characters. It is in the file, so use no one's name.",
    "round-label-label": "The round's label (optional, for example “Spring 2027”)",
    "profile-file-download": "Download the profile file",
    "profile-file-made": "The profile file of “{team}” is downloaded.",
    "survey-group-now": "Now choose the column that says each person's team.",
    "show-profile": "Show {whose} profile",
    "profile-title": "The {whose} profile",
    "download-profile": "Download the profile (CSV)",
    "rater-intro": "A colleague has asked you for feedback. Answer each statement about them, thinking of the last "
    "few months; leave out any you cannot judge. At the end you get a code to send back to them: it holds your "
    "answers and your role, never your name. This page sends nothing anywhere.",
    "rater-what-they-see": "**What they see:** their 360 page shows the answers of peers, direct reports and others "
    "only within a group of at least {least} raters, and a line manager's answers on their own.",
    "rater-honesty": "**Honestly:** anyone who has this code can read your answers by decoding it, the person you "
    "rate included. The group of at least {least} raters is a rule of the 360 page, not a lock on your code. Send it "
    "the way your colleague asked.",
    "role-legend": "Your role for this colleague",
    "role-manager": "I am their line manager",
    "role-peer": "I am a peer",
    "role-report": "I report to them",
    "role-other": "Other",
    "rater-get-code": "Get my code to send back",
    "rater-code-label": "Your feedback code",
    "feedback-step-own": "Take the [self-assessment]({assessment_url}) and, from your results, get a code to share: "
    "that is your own result code.",
    "feedback-step-raters": "Send colleagues the link to {rater}, and ask them to send you the code it gives them.",
    "feedback-step-paste": "Paste your own code and theirs below. Everything happens in this browser.",
    "feedback-rules": "Your line manager's answers are shown on their own. Peers and direct reports are shown only "
    "when at least {least} of each send a code; smaller groups are counted together as others, and a group of fewer "
    "than {least} is not shown.",
    "own-code-label": "Your own result code",
    "rater-codes-label": "Codes from the people who gave you feedback",
    "codes-hint": "Paste one code a line.",
    "show-feedback": "Show my 360",
    "feedback-view-title": "My 360 feedback",
    # Progress and the error summary (build and browser).
    "progress": "{answered} of {total} answered",
    "answered-some": "You have answered {answered} of {total}",
    "gaps-list-title": "Statements you have not answered:",
    "loading": "Getting the scorer ready: {loaded} of {total} MB",
    "loading-speed": "Getting the scorer ready: {loaded} of {total} MB at {speed} MB a second, {left} to go",
    "left-moment": "a few seconds",
    "left-seconds": "about {seconds} seconds",
    "left-minute": "about a minute",
    "left-minutes": "about {minutes} minutes",
    "scorer-ready": "The scorer is ready: what you ask for is worked out at once, on this device.",
    "resumed": "Your saved answers are back: {answered} of {total} answered. You can carry on from statement {number}.",
    "resumed-all": "Your saved answers are back: all {total} answered.",
    "kept-back": "Your answers in this tab are back: {answered} of {total} answered.",
    # Scores (results, chart, CSV).
    "chart-your-score": "Your score",
    "chart-your-score-team": "Your rating of the team",
    "chart-your-score-board": "Your rating of the board",
    "chart-mean-score": "The mean score",
    "chart-bands": "The bands the shading marks, from left to right: {bands}.",
    "chart-band": "{band}, {range}",
    "chart-caption": "{whose} for each competency, on the scale from {low} ({low_label}) to {high} ({high_label}). "
    "The shading behind each bar marks its bands.",
    "chart-caption-earlier": "{whose} for each competency, on the scale from {low} ({low_label}) to {high} "
    "({high_label}). The shading behind each bar marks its bands; the earlier result is the thin bar below each one.",
    "chart-earlier": "{now} (earlier {then})",
    "not-enough-answers": "not enough answers",
    "no-band": "none",
    "no-change": "no change shown",
    # The results view: headings, buttons, each competency's block, the comparison (results.py). "Competency" heads
    # every table of scores: the printable key's, the team profile's and the 360 view's too.
    "column-competency": "Competency",
    "column-score": "Score",
    "column-band": "Band",
    "column-answered": "Answered",
    "answered-of": "{answered} of {total}",
    "column-earlier": "Earlier",
    "column-now": "Now",
    "column-change": "Change",
    "long-date": "{day} {month} {year}",
    "month-january": "January",
    "month-february": "February",
    "month-march": "March",
    "month-april": "April",
    "month-may": "May",
    "month-june": "June",
    "month-july": "July",
    "month-august": "August",
    "month-september": "September",
    "month-october": "October",
    "month-november": "November",
    "month-december": "December",
    "results-title": "Your results",
    "compare-title": "Compare with an earlier result",
    "keep-title": "Keep your results",
    "download-json": "Download my results (to compare next time)",
    "download-csv": "Download as a spreadsheet (CSV)",
    "print": "Print or save as PDF",
    "group-label": "Your group (optional)",
    "group-none": "Not given",
    "get-code": "Get a code to share",
    "code-label": "Your result code",
    "copy-code": "Copy code",
    "next-title": "Next steps",
    "notes-label": "My notes and action plan",
    "paper-name": "Name",
    "paper-discussed": "Discussed with",
    "earlier-label": "Load a result you downloaded before (a .json file)",
    "use-earlier": "Replace my answers with the earlier ones",
    "summary-title": "Summary",
    "each-title": "Competency by competency",
    "tag-strength": "One of your stronger areas",
    "tag-strength-team": "One of the team's stronger areas",
    "tag-strength-board": "One of the board's stronger areas",
    "tag-develop": "An area to develop",
    "studies-title": "Case studies that show it",
    "develop-title": "How to develop it",
    "reflect-title": "Questions to reflect on",
    "answers-title": "Your answers, statement by statement",
    "not-answered": "not answered",
    "notes-then": "Your notes then",
    "compared-title": "Compared with an earlier result",
    "keep-text": "Your results and notes are not kept anywhere unless you download or print them. Download them to "
    "compare next time: load the file on this page and your results show what changed.",
    "share-title": "Share your results with your {whose}",
    "share-text": "To add your results to a {whose} profile, get a code and give it to whoever collects them. Anyone "
    "with this code can see your answers; it does not contain your name, the date or your notes. A message or an "
    "email with the code carries your name, though: send it the way they set up for collecting codes without names, "
    "such as a form that asks for nothing else.",
    "team-link": "See a {whose} profile from the codes people share",
    "ask-feedback-before": "For 360 feedback, send colleagues the link to ",
    "rater-link": "feedback for a colleague",
    "ask-feedback-between": ", then paste their codes with yours in ",
    "feedback-link": "my 360 feedback",
    "ask-feedback-after": ".",
    "talk-it-through": "Talk this through with your line manager, appraiser or coach: your results are a starting "
    "point for a conversation, not a verdict.",
    "talk-it-through-team": "Talk this through with your team: your results are one person's view of it, a starting "
    "point for a conversation, not a verdict.",
    "talk-it-through-board": "Talk this through with the board, or with whoever supports its development: your "
    "results are one director's view of it, a starting point for a conversation, not a verdict.",
    "notes-hint": "For example, one thing to try in the next month, and who could help. Your notes are in your "
    "download and your printout. They are saved on this device only if you chose to save your progress.",
    "print-version": ", version {version}. Scored on {date}.",
    # The top of a printed team, board or 360 view (api.py): a round is the codes gathered at one time, the
    # ones pasted now; an earlier round is the codes pasted under "Compare with an earlier round".
    "print-made": ", version {version}. Made on {date}.",
    "print-round": "This round: {members} people's result codes.",
    "print-round-survey": "This round: {members} people's answers, from a survey export.",
    "print-round-earlier": "Compared with an earlier round: {members} people's result codes.",
    "print-round-feedback": "This round of feedback: your own result code and {raters} from others.",
    "scored-on": "Scored on {date}, against version {version} of this self-assessment.",
    "jump-label": "Go to:",
    "links-new-tab": "Links in your results open in a new tab, so your results stay here.",
    "table-caption": "Your score for each competency, from {low} ({low_label}) to {high} ({high_label})",
    "table-caption-team": "Your rating of the team for each competency, from {low} ({low_label}) to {high} "
    "({high_label})",
    "table-caption-board": "Your rating of the board for each competency, from {low} ({low_label}) to {high} "
    "({high_label})",
    "band-range": "from {start} to under {end}",
    "band-range-top": "from {start} to {end}",
    "block-unscored": ": {answered} of {total} statements answered; at least half are needed for a score.",
    "block-score": "Score {score}",
    "block-standing": " · {band} · {answered} of {total} answered",
    "band-meaning": " is a score {range}.",
    "bands-changed": "Bands that changed since your earlier result{when}:",
    "bands-same": "No band has changed since your earlier result{when}.",
    "compare-caption": "Your earlier result{when} and now",
    "of-date": " of {date}",
    # Result codes (codes.py): every reason a code is refused.
    "code-group-unknown": "That group is not one of this self-assessment's groups.",
    "code-role-unknown": "That role is not one of manager, peer, report or other.",
    "code-too-long": "This is far too long to be a result code.",
    "code-not-a-code": "This is not a result code.",
    "code-other-format": "This code was made in a format this site does not read (a newer version of the site, "
    "perhaps); ask for it to be made again on this site.",
    "code-damaged": "This code is incomplete or has been changed: check that it was copied in full.",
    "code-other-framework": "This code is for another self-assessment, not {title}.",
    "code-other-version": "This code was made with another version of {title}; this page is version {version}, whose "
    "statements may differ, so it cannot be counted here.",
    "code-names-unknown-group": "This code names a group that this self-assessment does not have.",
    "code-unfit": "This code holds answers that do not fit this self-assessment.",
    "code-is-a-rater": "This is a code from someone giving 360 feedback; paste it on the “My 360” page instead.",
    "code-is-own": "This is a person's own result code, not a rater's.",
    # Sealed codes and invitations (sealed.py, codes.py, seal.js).
    "code-sealed-no-key": "This is a sealed code: load the collection key file it was made for to open it. "
    "Without that file nobody can read it.",
    "code-sealed-other-collection": "This code is sealed for another collection, not the one whose key file is loaded.",
    "code-sealed-not-opened": "This sealed code could not be opened with the key file loaded: it was changed or "
    "cut short.",
    "code-plain-in-collection": "This is a plain code, not one from an invitation of this collection: anyone could "
    "have made it, so it is not counted with the sealed codes.",
    "code-ticket-no-key": "This code carries an invitation: load the collection key file to count it.",
    "code-ticket-invalid": "This code's invitation was not made with this collection's key file, so it is not counted.",
    "code-ticket-repeated": "This code comes from the same invitation as line {first}; each invitation counts once, "
    "so it is not counted.",
    "collection-key-unreadable": "This is not a Huddle collection key file, or it has been changed.",
    "collection-key-other-framework": "This key file is for another self-assessment, not {title}.",
    "counted-sealed": "Every code counted was sealed for collection {collection} and came from its own "
    "invitation: only whoever holds the collection key file can read the answers, and no invitation counts "
    "twice.",
    "counted-plain": "These are plain codes: anyone who has one can read its answers, and nothing shows whether "
    "two of them came from one person. Sealed codes, from invitations, protect against both.",
    # The summary at the top of the results.
    "summary-answered": "You answered {given} of the {total} statements.",
    "summary-answered-na": "You answered {given} of the {total} statements, {na} of them with “not applicable”, "
    "which does not count towards a score.",
    "summary-none-scored": "None of the competencies has a score yet: each needs at least half of its statements "
    "answered (“not applicable” does not count).",
    "summary-only-one": "Only {title} has a score ({score}), so there is nothing to compare yet.",
    "summary-unscored-one": "{titles} could not be scored: fewer than half of its statements were answered. "
    "Answer more of them for a fuller picture.",
    "summary-unscored-many": "{titles} could not be scored: fewer than half of their statements were answered. "
    "Answer more of them for a fuller picture.",
    "summary-all-equal": "Your scores are the same for every competency with a score ({score}), so none stands out "
    "as a strength or as the place to start. The advice for each one is below.",
    "summary-strongest": "Your strongest area is {title} ({score}).",
    "summary-strongest-tied": "Your strongest areas are {titles} ({each} {score}).",
    "summary-focus": "The place to focus first is {title} ({score}).",
    "summary-lowest-tied": "Your lowest scores are in {titles} ({each} {score}): start with the one that matters "
    "most in your work now.",
    # The same, for a team or a board: one person rated it, so "as you see it", but the areas are its own.
    "summary-all-equal-team": "The scores you gave the team are the same for every competency with a score "
    "({score}), so none stands out as a strength or as the place to start. The advice for each one is below.",
    "summary-all-equal-board": "The scores you gave the board are the same for every competency with a score "
    "({score}), so none stands out as a strength or as the place to start. The advice for each one is below.",
    "summary-strongest-team": "As you see it, the team's strongest area is {title} ({score}).",
    "summary-strongest-board": "As you see it, the board's strongest area is {title} ({score}).",
    "summary-strongest-tied-team": "As you see it, the team's strongest areas are {titles} ({each} {score}).",
    "summary-strongest-tied-board": "As you see it, the board's strongest areas are {titles} ({each} {score}).",
    "summary-focus-team": "The place for the team to focus first is {title} ({score}).",
    "summary-focus-board": "The place for the board to focus first is {title} ({score}).",
    "summary-lowest-tied-team": "As you see it, the team's lowest scores are in {titles} ({each} {score}): start "
    "with the one that matters most in the team's work now.",
    "summary-lowest-tied-board": "As you see it, the board's lowest scores are in {titles} ({each} {score}): start "
    "with the one that matters most in the board's work now.",
    "both": "both",
    "each": "each",
    "list-and": "{first} and {last}",
    # Advice and reflection in the results (each competency's block).
    "strength-advice": "This is one of your stronger areas, compared with your others, whatever its band. Build on "
    "it, and help colleagues do the same: say what works for you, offer to work alongside someone who finds it "
    "harder, and say so when you see others do it well.",
    "reflect-seen": "When have you seen {competency} done well at work, and what did the person do?",
    "reflect-step": "What gets in the way of {competency} for you, and what is one small step you could take in "
    "the next month?",
    "reflect-feedback": "Who could give you honest feedback on this, and when will you ask them?",
    "strength-advice-team": "As you see it, this is one of the team's stronger areas, compared with its others, "
    "whatever its band. Build on it: talk together about what makes it work, so that the team keeps it up when "
    "things get busy, and offer what it has learned to teams that find it harder.",
    "strength-advice-board": "As you see it, this is one of the board's stronger areas, compared with its others, "
    "whatever its band. Build on it: say at a board meeting what makes it work, so that it holds when members "
    "change, and help the committees and teams the board leads to do the same.",
    "reflect-seen-team": "When has the team shown {competency} at its best, and what made that possible?",
    "reflect-seen-board": "When has the board shown {competency} at its best, and what made that possible?",
    "reflect-step-team": "What gets in the way of {competency} in the team, and what is one small step the team "
    "could take in the next month?",
    "reflect-step-board": "What gets in the way of {competency} on the board, and what is one small step the board "
    "could take before its next meeting?",
    "reflect-feedback-team": "Who could give the team honest feedback on this, such as patients or the teams it "
    "works with, and when will the team ask them?",
    "reflect-feedback-board": "Who could give the board honest feedback on this, such as staff, patients or "
    "partners, and when will the board ask them?",
    # Beside a case study that is an invented example, wherever it is listed.
    "illustrative": "Illustrative",
    # Collective pages (team and board profiles, 360 feedback).
    "codes-counted": "{counted} result codes counted.",
    "rater-few": "You have answered {answered} of {total} statements. Your code counts only for the competencies "
    "where you answered at least half: answer more, or press the button again to get your code as it is.",
    "choose-role": "Choose your role for this colleague first: it decides how your answers are shown.",
    "code-copied": "Copied: paste the code into a message to whoever collects them.",
    "code-not-copied": "This browser did not let the page copy; the code is selected, so copy it yourself.",
    "codes-loaded": "The file's codes are added to the list; press the button to see the profile.",
    # The team (or board) profile, rendered in the worker (team.py, team_view.py).
    "batch-codes": "Some lines of the codes were not counted:",
    "batch-earlier": "Some lines of the earlier round's codes were not counted:",
    "batch-file": "Some lines of the file were not counted:",
    "batch-line": "Line {line}: {problem}",
    "batch-repeat": "Line {line} repeats line {first}, so it is counted once.",
    "batch-codes-several": "Every code was counted; some lines hold more than one:",
    "batch-earlier-several": "Every code of the earlier round was counted; some lines hold more than one:",
    "batch-identical-title": "Some codes hold exactly the same answers. Plain codes cannot show who made them: one "
    "person could make several, and each would count as another person.",
    "batch-identical": "Lines {lines} hold the same answers to every statement, which two people rarely give; "
    "if one person made them, the profile counts that person more than once.",
    "batch-identical-rows-title": "Some rows hold exactly the same answers. An anonymous survey cannot show who "
    "sent each row: one person could send it several times, and each would count as another person.",
    "batch-identical-rows": "Rows {lines} hold the same answers to every statement, which two people rarely give; "
    "if one person sent the survey more than once, the profile counts that person more than once.",
    "batch-several": "Line {line} holds {count} codes; each was read on its own. Put one code on each line to make "
    "this easier to check.",
    "more-needed-one": "Add {missing} more code to see the profile. It is shown only from {least} codes, so that "
    "no one's answers can be picked out.",
    "more-needed-many": "Add {missing} more codes to see the profile. It is shown only from {least} codes, so that "
    "no one's answers can be picked out.",
    "profile-of-codes": "The profile of {members} people's answers, from their result codes.",
    "profile-of-survey": "The profile of {members} people's answers, from the survey export.",
    "withheld-one": "Withheld: {titles}. Fewer than {least} people answered enough of its statements for a score.",
    "withheld-many": "Withheld: {titles}. Fewer than {least} people answered enough of their statements for a score.",
    "withheld": "withheld",
    "spread-agree": "people largely agree",
    "spread-differ": "views differ",
    "spread-wide": "views differ widely",
    "bands-not-shown": "Not shown: a band has fewer than {least} people.",
    "team-caption": "The {whose}'s score for each competency: the mean of its members' scores",
    "team-score": "Team score",
    "board-score": "Board score",
    "team-spread": "How far people agree",
    "team-bands": "People in each band",
    "team-counted": "Counted",
    "widest-title": "Where people see things most differently",
    "widest-text": "The statements with the widest spread of answers: good questions to talk through together.",
    "widest-item": "{statement} ({spread}; {count} people answered)",
    "groups-title": "Groups",
    "group-not-given": "No group given",
    "groups-one": "Groups are not compared: the codes come from one group only.",
    "groups-small-one": "Groups are not compared: each group needs at least {least} codes, so that no one's answers "
    "can be worked out, and one has fewer: {groups}. Its codes still count in the profile above.",
    "groups-small-many": "Groups are not compared: each group needs at least {least} codes, so that no one's answers "
    "can be worked out, and these have fewer: {groups}. Their codes still count in the profile above.",
    "group-with-count": "{group} ({count})",
    "groups-shown-title": "Groups side by side",
    "groups-caption": "Each group's score for each competency (how many codes in brackets)",
    "round-changes-title": "Since the earlier round",
    "round-too-few": "The earlier round has {members} codes that count; it needs at least {least} to be compared. "
    "Add the rest of that round's codes to its box.",
    "round-not-compared": "The rounds are not compared: this round has {now} codes and the earlier one {then}. Two "
    "rounds are compared only when they have the same number of codes, or numbers at least {least} apart, so that a "
    "change cannot give away the answers of one or two people who joined or left.",
    "round-not-comparable": "cannot be compared: one of the rounds has too few codes for it",
    "round-counts-differ": "cannot be compared: {now} people have a score for it now and {then} had one then; the "
    "numbers must be the same, or at least {least} apart, so that the change is no one person's",
    "round-no-change": "{then} → {now} (no change)",
    "round-up": "{then} → {now} (up {change})",
    "round-down": "{then} → {now} (down {change})",
    # Profile files and the organisation view (organisation.py, organisation_view.py).
    "label-not-text": "A label must be text.",
    "team-label-missing": "Type the team's label first (for example “Medicine / Ward 7”): the organisation view "
    "shows each team by it.",
    "team-label-too-long": "The team's label is {length} characters long; use at most {most}.",
    "round-label-too-long": "The round's label is {length} characters long; use at most {most}.",
    "profile-file-nothing": "There is no profile to download yet: show one from enough codes first.",
    "profile-file-not-json": "{name} is left out: it is not a profile file (it is not JSON). Choose the file the "
    "team page's “Download the profile file” gave.",
    "profile-file-not-profile": "{name} is left out: it is not a Huddle team profile file. Choose the file the team "
    "page's “Download the profile file” gave.",
    "profile-file-newer": "{name} is left out: a newer version of Huddle made it. Ask the site's web team to update "
    "the site, or download the profile again from this site's team page.",
    "profile-file-other-framework": "{name} is left out: it is a profile for “{other}”, not for {title}. Open the "
    "organisation view of that self-assessment for it.",
    "profile-file-changed": "{name} is left out: it has been changed since the team page made it (its checksum does "
    "not match its figures). Download it again from the team page.",
    "profile-file-bad": "{name} is left out: its “{key}” is not as the team page writes it. Download it again from "
    "the team page.",
    "profile-file-same-label": "{name} is left out: {first} is also labelled “{label}”. Give each team its own "
    "label on the team page and download its file again.",
    "profile-files-other-versions": "These files were made with another version of this self-assessment; they "
    "count, but its statements may have changed, so read their scores, and any change between rounds, with care:",
    "profile-file-other-version": "{name}: version {version} (this site has version {current}).",
    "profile-file-too-big": "{name} is left out: it is too large to be a profile file, which is a few kilobytes.",
    "profile-files-too-many": "{count} files were chosen; the organisation view reads at most {most} at once.",
    "profile-files-left-out": "These files are left out; the others count:",
    "profile-files-earlier-left-out": "These files of the earlier round are left out; the others count:",
    "heat-no-group": "(no group given)",
    "heat-box": "The heat map (scrolls sideways)",
    "heat-sorted-name": "Teams sorted by name, A to Z.",
    "heat-sorted-high": "Teams sorted by {column}, highest first; press again for lowest first.",
    "heat-sorted-low": "Teams sorted by {column}, lowest first; press again for highest first.",
    "heat-filter-label": "Show the teams of",
    "heat-filter-all": "every group",
    "heat-filtered": "Showing the teams of {group}, with {group} and the whole organisation pooled.",
    "heat-unfiltered": "Showing every team.",
    "heat-team": "Team",
    "heat-people": "People",
    "heat-group": "{group}: {teams} teams pooled",
    "heat-organisation": "Whole organisation: {teams} teams pooled",
    "heat-caption": "Each team's score for each competency, with its band, then groups of teams and the whole "
    "organisation pooled from them",
    "heat-pooled-note": "A pooled row is the mean of its teams' scores as their pages show them, weighted by how "
    "many people have a score. Only figures a team page shows are pooled: a team or a score it withholds never is, "
    "so it cannot be worked out by subtraction. Scores are rounded before they are pooled, so a pooled score can "
    "differ by 0.1 from one worked out from everyone's codes.",
    "heat-team-withheld": "{team}: {people} people. A team is shown only from {least} people, so that no one's "
    "answers can be picked out; its people are not in any pooled row either.",
    "heat-group-withheld": "{group}: {teams} of its teams shown; a group is pooled only from {least} teams shown.",
    "heat-withheld-title": "Not shown",
    "heat-none-shown": "No team has at least {least} people, so nothing can be shown.",
    "heat-summary": "{teams} teams shown, {people} people in all.",
    "heat-csv-pooled": "pooled from the teams' shown scores",
    "heat-csv-organisation": "Whole organisation",
    "board-title": "The board beside the front line",
    "board-choose": "Which of these are the board? The board's scores are set beside the mean of the rest.",
    "board-gap-none": "cannot be set side by side: the board or the rest has no score shown for it",
    "board-gap-same": "the board {board}, the rest {rest}: the same",
    "board-gap-higher": "the board {board}, the rest {rest}: the board is {gap} higher",
    "board-gap-lower": "the board {board}, the rest {rest}: the board is {gap} lower",
    "rounds-title": "Since the earlier round",
    "rounds-none": "No team can be compared with the earlier round. A team is compared only under the same label, "
    "with at least {least} people in each round, and the same number of people or numbers at least {least} apart, "
    "so that a change cannot give away the answers of one or two people who joined or left.",
    "rounds-team": "{team} ({then} people then, {now} now)",
    "rounds-left": "Not compared: {count} of the teams shown now (not in the earlier round under the same label, "
    "or with numbers of people that could give someone away).",
    "survey-no-such-column": "The grouping column chosen is not in this file. Choose it again.",
    "survey-group-choose": "Choose a column",
    "survey-group-label": "The column that says each person's team, directorate or staff group",
    "print-round-profiles": "This round: {teams} teams' profile files, {people} people.",
    "print-round-survey-groups": "This round: {teams} groups of a survey export, {people} people.",
    # A survey tool's export (survey.py; the mapping form in team_view.py).
    "survey-too-big": "This file is over 20 MB, too large to be a survey export for one team or organisation.",
    "survey-too-many-columns": "This file has more than {most} columns; a survey export has one for each question "
    "and a few more. Export only the questions of this self-assessment and try again.",
    "survey-too-many-rows": "This file has more than {most} rows; a survey export has one for each person who "
    "answered. Check that it is the export of this self-assessment's survey, and try again.",
    "survey-not-csv": "This file cannot be read as CSV (comma-separated values); export it again as CSV.",
    "survey-no-header": "This file has no header row: the first row of a survey export names its columns.",
    "survey-no-match": "No column of this file matches a statement of this self-assessment, by its id or its "
    "wording, so nobody is counted yet. Check it is the right survey, or choose below the statement each column "
    "holds and press “{use}”.",
    "survey-row-unreadable": "Row {row} is left out: the answer “{answer}” in column “{column}” is not one of the "
    "scale's answers.",
    "survey-row-empty": "Row {row} is left out: it answers none of the statements.",
    "survey-matched": "{matched} of the file's {columns} columns match a statement of this self-assessment "
    "({statements} of its {total} statements).",
    "survey-column": "Column “{name}”",
    "survey-column-unnamed": "Column “number {number}”",
    "survey-not-a-statement": "Not a statement (leave it out)",
    "survey-choose": "Choose the statement any other column holds; columns such as times or ids are left out.",
    "survey-use": "Use these columns",
    # 360 feedback, rendered in the worker (feedback.py, feedback_view.py, api.py).
    "own-code-is-a-rater": "The first box needs your own result code, from your results; this one is a rater's.",
    "raters-manager": "Manager",
    "raters-peer": "Peers",
    "raters-report": "Direct reports",
    "raters-other": "Others",
    "raters-all": "All raters",
    "raters-manager-in-sentence": "manager",
    "raters-peer-in-sentence": "peers",
    "raters-report-in-sentence": "direct reports",
    "raters-other-in-sentence": "others",
    "raters-all-in-sentence": "all raters",
    "raters-folded": "Fewer than {least} {groups} sent a code, so their answers are counted with the others'.",
    "raters-withheld-one": "The answers of {count} person (peers, direct reports or others) are not shown: a group "
    "needs at least {least} codes, so that no one's answers can be picked out. Ask more people, or wait for their "
    "codes.",
    "raters-withheld-many": "The answers of {count} people (peers, direct reports or others) are not shown: a group "
    "needs at least {least} codes, so that no one's answers can be picked out. Ask more people, or wait for their "
    "codes.",
    "self": "Self",
    "feedback-counted": "Codes counted: your own, and {counts}.",
    "feedback-counted-none": "Codes counted: your own, and none shown yet.",
    "feedback-caption": "Your own scores beside the scores others gave you (how many codes in brackets)",
    "feedback-dashes": "A dash (—) is a score not shown: fewer than {least} of that group's raters answered enough of "
    "the competency's statements for a score, or, in all raters, showing it would let someone work out a group's "
    "score that is not shown.",
    "gaps-later": "Blind spots and hidden strengths appear once at least three people's codes are shown.",
    "blind-spots-title": "Blind spots",
    "blind-spots-text": "You rate yourself higher than others do, by {gap} or more:",
    "blind-spots-none": "None: no competency where you rate yourself higher than others do by {gap} or more.",
    "hidden-strengths-title": "Hidden strengths",
    "hidden-strengths-text": "Others rate you higher than you do, by {gap} or more:",
    "hidden-strengths-none": "None: no competency where others rate you higher than you do by {gap} or more.",
    "feedback-caption-team": "Your own scores for the team beside the scores others gave it (how many codes in "
    "brackets)",
    "feedback-caption-board": "Your own scores for the board beside the scores others gave it (how many codes in "
    "brackets)",
    "blind-spots-text-team": "You rate the team higher than others do, by {gap} or more:",
    "blind-spots-text-board": "You rate the board higher than others do, by {gap} or more:",
    "blind-spots-none-team": "None: no competency where you rate the team higher than others do by {gap} or more.",
    "blind-spots-none-board": "None: no competency where you rate the board higher than others do by {gap} or more.",
    "hidden-strengths-text-team": "Others rate the team higher than you do, by {gap} or more:",
    "hidden-strengths-text-board": "Others rate the board higher than you do, by {gap} or more:",
    "hidden-strengths-none-team": "None: no competency where others rate the team higher than you do by {gap} or more.",
    "hidden-strengths-none-board": "None: no competency where others rate the board higher than you do by {gap} or "
    "more.",
    "gap-item": "{competency}: you {own}, others {others}",
    # The offline page (pages/offline.py): the service worker shows it for a page not kept on this device.
    "offline-title": "You are offline",
    "offline-intro": "This page was not saved on this device, so it cannot be shown without a connection. "
    "When you are connected again, reload the page.",
    "offline-kept-title": "Pages you can open offline",
    "offline-kept": "This device keeps the pages of this site you have visited, so these open without a connection:",
    "offline-kept-none": "This device keeps no pages of this site yet: a page is kept once you have opened it "
    "with a connection.",
    "offline-forget-text": "Anyone using this device can see this list. On a shared computer, you can forget "
    "the pages it keeps:",
    "offline-forget": "Forget kept pages",
    "offline-forgotten": "The pages of this site kept on this device have been forgotten.",
    # Saving on this device.
    "saving-on": "Your answers will be saved on this device as you go.",
    "saving-failed": "Your answers could not be saved: this browser's storage is full or blocked.",
    "saving-off": "Saving is off, and the answers saved on this device have been removed.",
    "cleared": "Your answers and results have been cleared from this page and from this device, and the pages "
    "kept for offline use forgotten.",
    # The scorer.
    "still-booting": "Your answers are in. Your results will show here as soon as the scorer has finished "
    "downloading (above).",
    "still-booting-estimate": "Your answers are in. Your results will show here as soon as the scorer has finished "
    "downloading (above): {left} at this speed.",
    "still-working": "The scorer is still downloading; what you asked for will show here as soon as it is ready.",
    "still-working-estimate": "The scorer is still downloading; what you asked for will show here as soon as it is "
    "ready: {left} at this speed.",
    "boot-failed-bar": "The scorer could not start; your answers are kept.",
    "boot-failed": "Your answers are still here, but the scorer could not start: {reason}. "
    "Try again, or use the {printable}.",
    "collective-boot-failed": "The scorer could not start: {reason}. Check the connection (Wi-Fi or mobile data), "
    "then press the button again to try again. Nothing you pasted is lost.",
    "retrying-collective": "Trying again to get the scorer ready; what you asked for will show here when it is.",
    "retrying": "Trying again to get the scorer ready. Your answers are kept.",
    "reconnecting": "The connection dropped: trying again in {seconds} seconds. Your answers are kept.",
    "printable-link": "printable version with its scoring key",
    "no-webassembly": "this browser cannot run WebAssembly, which the scorer needs",
    "no-worker": "the scoring worker could not start ({detail})",
    "worker-stopped": "the scoring worker could not start",
    "framework-not-loaded": "the framework could not be loaded ({status})",
    "boot-stalled": "nothing arrived for {seconds} seconds, so the connection may have dropped",
    "wasm-blocked": "this site's settings stop the scorer running in this browser",
    "boot-blocked": "Your answers are still here, but this site's settings stop the scorer running in this "
    "browser, so trying again will not help. Use the {printable}. The site's web team can see docs/hosting.md "
    "for the setting to change.",
    "collective-boot-blocked": "The scorer cannot run here: this site's settings stop it running in this browser. "
    "Nothing you pasted is lost. The site's web team can see docs/hosting.md for the setting to change.",
    "file-not-loaded": "{name} could not be loaded ({status})",
    "boot-error": "{detail}",
    "not-scored": "Your answers could not be scored: {reason}",
    "scoring-failed": "scoring failed: {detail}",
    # Earlier results.
    "reading-file": "Reading the file…",
    "file-too-big": "This file is too large to be a saved result (over 1 MB); choose the .json file you "
    "downloaded from your results.",
    "file-unreadable": "The file could not be read: {reason}.",
    "file-too-deep": "This file is not a result saved from this self-assessment: it nests too deeply.",
    "file-not-json": "This file is not a result saved from this self-assessment: it is not JSON.",
    "file-not-a-result": "This file is not a result saved from this self-assessment.",
    "file-other-format": "This saved result was made by a different version of this site's software and "
    "cannot be read here.",
    "file-other-framework": "This result is for another self-assessment, not {title}.",
    "file-other-version": "This result was scored against another version of this self-assessment; this page is "
    "version {version}, whose statements or scoring may differ, so the two cannot be compared.",
    "file-no-answers": "This saved result has no answers in it.",
    "file-answer-unfit": "This saved result has an answer that does not fit this self-assessment.",
    "earlier-filled": "Loaded your earlier result: its answers are filled in below. Change any that differ now, "
    "then see your results to see what changed.",
    "earlier-kept": "Loaded your earlier result. Your current answers are kept, and your results will show what "
    "changed.",
    "earlier-replaced": "Your earlier answers are filled in below. Change any that differ now, then see your results.",
}
MESSAGES: Mapping[str, str] = MappingProxyType(_HUDDLE_WORDS)
"""Every message in Huddle's own words, by key: read-only, so no site's words can slip into them."""
del _HUDDLE_WORDS  # only the read-only view is left to import


@dataclass(frozen=True, slots=True)
class Messages:
    """Every message as one site says it: Huddle's own, with the site's own wording (checked by
    `generator/wording.py`: known keys, the same fields) in their place. Made once and passed to whatever
    says something; it never changes, so it can be shared freely."""

    own: Mapping[str, str] = field(default_factory=dict)
    """The site's own sentences, by key; Huddle's are said for the rest."""
    _said: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "own", MappingProxyType(dict(self.own)))
        object.__setattr__(self, "_said", MappingProxyType({**MESSAGES, **self.own}))

    def say(self, key: str, /, **values: object) -> str:
        """The message `key`, as the site says it, with its `{name}` fields filled in."""
        return self._said[key].format(**values)

    def said(self) -> dict[str, str]:
        """Every message as the site says it (a copy: the page script gets it as JSON)."""
        return dict(self._said)


HUDDLE = Messages()
"""Huddle's own words, for a site that has no strings file (and for tests)."""


def fields(key: str) -> set[str]:
    """The names of the fields message `key` needs."""
    return {name for _, name, _, _ in string.Formatter().parse(MESSAGES[key]) if name}
