# English templates, part 4: long posts — SOAP notes, handovers, tables, lists, case write-ups.
TEMPLATES = [
"""Case for discussion (details changed where I could):

**S:** {^pt}, {agenp}, presents with 3 days of confusion and reduced oral intake. {^rel} reports a fall {when:incident}.
**O:** {labs}. {score}. {sign} negative.
**A:** Delirium, likely multifactorial — ?UTI, ?{eponym}, ?drugs ({drug}).
**P:** Stop {drug}, fluids, repeat bloods {reltime:future}. Review with {staff}.

Would you have scanned the head? Our {guide} says only if on anticoagulation.""",

"""Handover sheet from last night (copied from my notes, sorry for formatting):

- Bed {room}: {pt} — {ageshort}, {eponym}, NBM for {proc} tomorrow. IV {drug}.
- Family: {rel} — {phone:relative}, wants a call if anything changes.
- Obs: {lab}, {score}.
- Outstanding: bloods at {time}, chase CT report.

Does anyone else write the NOK number on the handover sheet or is that just us?""",

"""| Field | Value |
|---|---|
| Name | {pt} |
| DOB | {date:birth} |
| MRN | {idv:mrn} |
| Admitted | {date:admission} |
| Dx | {eponym} |
| Meds | {dose}, {drug#2} |

This is the template our new EHR spits out for the daily huddle. {^staff} wants us to paste it into Teams. Tell me I'm right that this is a terrible idea.""",

"""Long post, sorry. Need to vent about discharge planning.

{^pt} ({agenp}) came in {when:admission} after being found on the floor at home {lives}. Medically fit since {reltime:since}. The plan was home with a package of care, but:
1. the care agency can't staff it until next month,
2. {rel} lives in {place} and can't come down,
3. {fac:care} won't take {him} because of {his} {eponym}.

So {he} sits in a hospital bed, deconditioning. {score} on admission, worse now. Anyone found a way through this that actually works? {signoff}""",

"""> {^pt} was admitted {when:admission} with a NSTEMI and has refused {drug}.

Quoting my own handover because I need advice. {He} is {agenp}, understands the risk, and says {he}'d rather "go quickly". {^rel} disagrees loudly. Capacity assessment done by {staff}: has capacity. Documented per {guide}. Did I do right?""",

"""Case write-up for M&M (anonymised except where I forgot):

Presentation: {agenp} from {fac:care}, 2 days of vomiting, {sign}.
Background: {eponym}, AF on {drug}, {eponym#2}.
Course: Admitted {when:admission}. CT showed obstruction. {^proc} {when:procedure}. Post-op delirium, {score}. Died {when:death} with {rel} present.
Learning: earlier senior review; {cite} suggests frailty scores should trigger ceiling-of-care talks on admission.""",

"""SOAP (home visit)
S: "I'm fine, love." {^rel} disagrees: more breathless, sleeping in the chair since {reltime:since}.
O: {ageshort}. {labs}. Bibasal crackles, pitting oedema to knees. {score}.
A: Decompensated HF on a background of {eponym}. Lives {lives}.
P: Increase {dose}. Daily weights. Review {when:appointment}. Safety-net: {hotline} if worse.
Signed off with {staff}.""",

"""Quick table of the three patients I'm worried about tonight (initials only, obviously... mostly):

| Bed | Pt | Issue | Plan |
|---|---|---|---|
| {room} | {pt} | {lab} | repeat at {time} |
| {room#2} | {pseudo} | {eponym} | review AM |
| {room#3} | {pseudo#2} | {score} | escalate if worse |

Am I overthinking bed 1? {ageshort}, on {drug}.""",

"""Referral letter I received today (identifiers are the ones the referrer put in, not mine):

"Dear colleague, re: {pt}, DOB {date:birth}, {id:any}, of {addr}. Thank you for seeing this {agenp} with worsening {eponym}. Current meds: {dose}. Many thanks."

Is it normal to get referrals with this much identifying info by *unencrypted email*? It came from {fac:clinic}. {^staff} said to report it.""",

"""Pharmacy handover, weekend:
- {pt} ({id:mrn}) — {dose} started {when:start}, level due {reltime:future}. Last level: {lab}.
- Interaction flagged with {drug#2}; prescriber ({staff}) aware.
- {^rel} asked about stopping {drug#3} — told them to discuss with team.
- Reminder: {guide} updated {pubdate}.""",

"""Long rant incoming. 😩

Third night in a row with {pt} in {room}. {He}'s {agenp}, {eponym}, and {he} sundowns like clockwork at {time}. Last night {he} climbed over the rails and I found {him} halfway to the lift saying {he} had to get to {fac:care} because that's where {he} "lives now" (true — admitted from there {when:admission}).

We've tried: lights on, radio, {rel} on FaceTime, sitter (none available), {drug} PRN (made it worse).

What actually works? Please don't say "more staff", I know.""",

"""**Incident summary (draft, for our team only — posting here for advice on wording)**

Date of incident: {date:incident}
Patient: {pt}, {ageshort}
Location: {room}
Description: Patient given {dose} intended for {pseudo}. Identified by nurse at {time}. No harm. {lab} monitored.
Actions: Duty of candour conversation with {rel} (contact {phone:relative}).

Is "no harm" right if we had to monitor? {guide} is ambiguous.""",

"""Discharge summary I'm checking (for a student teaching session):

Patient: {pt}
Age: {age}
Admitted: {date:admission}  Discharged: {date:discharge}
Diagnosis: {eponym}; AKI ({lab})
Follow-up: {fac:clinic} in 2 weeks
Meds on discharge: {dose}; stop {drug#2}

Students — spot the three errors. (One is that I shouldn't be posting this, I know. It's fake-ish.)""",

"""Thread for weird presentations. Mine:

{agenp}, brought in by {rel} {when:admission} because "{he}'s been speaking French". {He} doesn't speak French. Turns out {he}'s been reading old letters from {his} time in {place}. {score}, {lab}, no focal signs. Diagnosis: {eponym}? Or just lonely?

Send me yours. {signoff}""",

"""- Who: {pt}, {ageshort}
- Where: {fac:care}
- When: {when:incident}
- What: found with a skin tear on the forearm, ~6 cm
- Why: transfer with one carer instead of two ({scale} says two)
- Next: {staff} reviewing manual handling; {rel} informed

Is this a notifiable incident in {place}? {hotline} wasn't needed, thankfully.""",

"""ICU ward round notes (our format, curious how others do it):

{pt} | {reltime} | {eponym}
A: intubated, ETT 23 cm
B: FiO2 0.4, PEEP 8, {lab}
C: ⟪DRUG|noradrenaline⟫ 0.1 mcg/kg/min, {lab#2}
D: RASS -2, ⟪DRUG|propofol⟫ infusion
E: afebrile, {labs}
F: contact with {rel} ({phone:relative}) daily
G: CVC inserted {when:procedure}

Anything you'd add? {handle}""",

"""Long-time lurker. Community nurse. I need to talk about {pt}.

{^pt2} was {agenp} who lived {lives} with {his} dog. {He} had {eponym} and {eponym#2} and the kind of humour that made visits the best part of my week. {He} died {when:death}. {^rel} called me to say thanks.

Nothing clinical to ask. Just wanted someone to know. 🙏""",

"""Transfer note I'm writing — can someone sanity check the tone?

"{^pt} is being transferred to {fac:hosp} for {proc}. {He} has been with us {since:admission}. Background {eponym}, {labs}. {^rel} aware and in agreement, contact {phone:relative}. Please note {he} is very hard of hearing; hearing aid serial {idv:serial} in the property bag."

Too much? Too little?""",

"""Case (teaching file, sharing with permission from my supervisor):

{^ageu} presented with {sign}. Labs: {labs}. Differential: {eponym}, {eponym#2}, malignancy.
Compare with {pt}, whom I saw {when:visit}: {agenp} with the same sign but {lab}.
What single test distinguishes them? ({cite})""",

"""Med student, OSCE practice. Wrote this history — feedback welcome:

PC: SOB 3/7
HPC: {agenp}, worse on exertion, orthopnoea, PND
PMH: {eponym}, HTN
DH: {dose}, {drug#2}
SH: lives {lives}, independent, {rel} visits weekly
Name on my sheet: {pt} (is it OK to use real patient names in practice notes? our tutor says no)""",

"""Quick poll for geri folks — what do you do?

{^pt}, {agenp}, {eponym}, {score}. Admitted {when:admission} with 4th fall this year. On {drug}, {drug#2}, {drug#3}. Family ({rel}) want "everything done".

a) full work-up
b) deprescribe + home
c) palliative conversation
d) all of the above but nobody has time""",

"""Paramedic PRF extract (I'm teaching students about documentation):

Pt: {pt}
Age: {age}
Address: {addr}
NOK: {rel}, {phone:relative}
Hx: {eponym}, on {drug}
Obs: {labs}
Tx: {dose}

Students: what's missing? (Answer: time of onset. Also: I should have blanked more of this.)""",

"""Handover (verbal → written), 07:00:

{room}: {pt}, {ageshort}. Admitted {when:admission}, {eponym}. Overnight: {lab} at {time}, given {dose}. Family: {rel} visiting at 10. DNACPR in place, signed by {staff}.
{room#2}: {pseudo}, stable.
{room#3}: {pseudo#2}, for {proc} today.

Night was fine otherwise. Coffee.""",

"""Bit of a weird one for the pharmacists.

{^pt} brought in a bag of meds from home. Inside: {drug}, {drug#2} from {place}, and a blister pack labelled for {rel} (DOB {date:birth#2}). {He} says {he}'s been taking {his} {spouse}'s tablets "because they're the same".

They are not the same. {^staff} is doing the med rec. Anyone seen this much? {cite} suggests it's common in {agecat}.""",

"""Case report draft (I'll anonymise before submission, promise):

Title: {eponym} presenting as {eponym#2} in {agenp}

{^pt} was admitted to {fac:hosp} {when:admission} with {sign}. {labs}. Biopsy {when:procedure} confirmed the diagnosis. Treated with {dose}. Discharged {when:discharge}.

Discussion: Only {cite} describes a similar case. Journal: {journal}?""",

"""Sharing our new falls-risk table (hope it's useful). Example row filled in:

| Resident | Age | Falls (90 d) | Meds | ⟪SCALE|Morse⟫ |
|---|---|---|---|---|
| {pt} | {age} | 3 | {drug}, {drug#2} | 65 |
| {pseudo} | {ageu} | 1 | {drug#3} | 35 |

Feedback from {staff}: add a column for footwear.""",

"""Posting this on behalf of a colleague who's not on here:

"Looking for advice re {pt}, {agenp}, on our ward {since:admission}. {He} keeps asking us to contact an old friend ({other:role}). Is it OK to? {^pt2} has capacity. {^rel} says don't."

She says thanks in advance. {signoff}""",

"""Night shift log, very tired, may contain typos:

{time} — {pt} pulled cannula #3
{time#2} — {pt2} asking for {rel}; called {phone:relative}, no answer
0400 — {lab}, gave {dose}
0530 — settled, {score}

Not clinical question just needed to write it somewhere.""",

"""Anyone else work in a place where the whiteboard has full names?

Ours literally says "{pt} — {ageshort} — {eponym} — {fac:care}" in huge letters facing the corridor. Visitors can read it. {^staff} says it's needed for safety. {guide} says minimum necessary. Who's right?""",

"""Reflection for my portfolio (feedback welcome before I submit):

I looked after {pt}, {agenp} with {eponym}, during my placement {when:visit}. {He} asked me to help write a card to {rel} at {addr}. I felt honoured but unsure whether it was appropriate. My mentor, {staff}, said yes.

What I learned: {cite} on therapeutic relationships.""",

"""### Weekly MDT — bed {room}

**Patient:** {pt} ({ageshort})
**Issues:** {eponym}; {lab}; mobility ({score})
**Social:** lives {lives}; {rel} is main carer
**Plan:** {fac:care} for rehab; review {reltime:future}

> "{He} won't go anywhere without the cat." — {rel2}

Anyone had luck with care homes that take pets?""",

"""Genuinely need help. Community pharmacy, small town.

{^pt} ({agenp}) comes in daily for {his} blister pack. Today {he} mentioned {his} new "friend" from online who is helping with {his} banking — messages {him} on {other:msg} all day. Also asked us to change {his} contact to {email:patient}, which isn't {his} usual.

I think {he}'s being scammed. Who do I call? Adult safeguarding? {hotline}? {inst} guidance?""",

"""Post-mortem (the good kind — learning review) for our team:

1. {^pt} admitted {when:admission} with {eponym}.
2. {proc} {when:procedure}; complicated by {sign}.
3. Moved to ICU {when:transfer}. {score}.
4. Family meeting with {rel} and {staff}.
5. Comfort care; died {when:death}.

What went well: communication. What didn't: {drug} was continued three days too long per {guide}.""",

"""Question about documentation, with an example from today's clinic:

"{^pt} ({id:any}) attended with {rel}. {lab}. {He} reports {sign}. Plan: {dose}, review {when:appointment} at {fac:clinic}."

Our auditor says the letter should not name the relative. {^staff} disagrees. What's your trust's policy?""",
]
