# English templates, part 7: more long/structured posts.
TEMPLATES = [
"""EMS run report, cleaned up for teaching (mostly):

**Dispatch:** {time}, "fall, can't get up"
**Scene:** {lives}; {agenp} on the bathroom floor, {rel} present
**Hx:** {eponym}, on {drug} and {drug#2}
**Vitals:** {labs}
**Tx:** {dose}, C-spine cleared per {scale}
**Dest:** {fac:hosp}, handed to {staff}

Question for the group: do you document the NOK number ({phone:relative}) in the PCR or leave it for the hospital?""",

"""Message I drafted for the care-home family group chat — too much?

> Good evening all. Quick update on {pt}: {he} had a small fall {when:incident} (no injury, GP aware). {His} {eponym} meds ({drug}) were reviewed today. {^rel} has the full details. Any questions, ring the office, not my mobile please! 😊

{^staff} says we shouldn't post individual updates in a group at all. I think families like it. Thoughts? {signoff}""",

"""Pharmacist query letter (template I use; example filled in):

To: prescriber
Re: {pt}, DOB {date:birth}, {id:any}
Issue: {dose} co-prescribed with {drug#2}; {lab}. Risk of toxicity per {cite}.
Suggest: reduce to half dose or switch to {drug#3}; recheck {lab#2} {reltime:future}.

Anyone got a better format? Our prescribers ignore long letters.""",

"""Reflective piece — year 3 nursing student. Please be kind.

On placement {when:visit} I cared for {pt}, {agenp} admitted from {fac:care} with {eponym}. {He} was frightened and kept asking for {rel}. I sat with {him} for twenty minutes while my mentor ({staff}) covered my bay.

- What went well: I noticed the {sign} early.
- What I'd change: escalate sooner ({score}).
- Reading: {cite}; {guide}.""",

"""Discharge checklist I made for our ward (example row is a real-ish case, details changed):

| Item | Status |
|---|---|
| Patient | {pt} ({ageshort}) |
| Going to | {fac:care} |
| Discharge date | {date:discharge} |
| Meds reconciled | ✔ ({drug}, {drug#2}) |
| Family told | ✔ {rel} |
| TTO letter | pending — {staff} |

Feel free to steal. Suggestions welcome.""",

"""Replying to the thread about "frequent flyers":

> we have one who comes in every week with the same chest pain

Same. Ours is {pt} — {agenp}, {eponym}, lives {lives}. Admitted {when:admission}, discharged {when:discharge}, back again {reltime}. {His} {lab} is always fine. I honestly think {he}'s lonely. Social prescribing referral done. {^staff} rolled their eyes at me but whatever.""",
]
