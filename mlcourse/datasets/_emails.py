"""Synthetic labelled emails (spam or ham) from course-written templates."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_random_state, check_scalar
from ._resources import SnapshotSpec, coerce_dtypes, load_snapshot
from ._text import fill, pick, sample

__all__ = ["load_emails", "make_emails"]

LABELS = ("ham", "spam")

_SLOTS: dict[str, tuple[str, ...]] = {
    "name": (
        "Ana",
        "Ben",
        "Chloe",
        "David",
        "Emma",
        "Farid",
        "Grace",
        "Hugo",
        "Ines",
        "Jonas",
        "Kofi",
        "Lena",
        "Mateo",
        "Nadia",
        "Omar",
        "Priya",
        "Sam",
        "Tara",
        "Yuki",
        "Zoe",
    ),
    "sender": (
        "Alex",
        "Maria",
        "Tom",
        "Sofia",
        "Raj",
        "Julia",
        "Marco",
        "Aisha",
        "Peter",
        "Mei",
        "Lucas",
        "Hannah",
    ),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "time": ("9:00", "10:30", "11:00", "13:00", "14:30", "16:00"),
    "project": (
        "website",
        "onboarding",
        "Q3 forecast",
        "data migration",
        "pricing",
        "mobile app",
        "supplier audit",
        "hiring plan",
    ),
    "doc": ("slides", "budget sheet", "contract", "report", "project plan", "meeting notes"),
    "room": ("2.14", "B3", "the small boardroom", "4.01"),
    "month": ("January", "March", "April", "June", "September", "October", "November"),
    "pct": ("10", "15", "20", "25", "30", "40", "50", "70"),
    "amount": ("19.99", "49.00", "120.50", "250.00", "89.90", "1,200.00", "35.75"),
    "num": ("40213", "77125", "10984", "55302", "29871", "61447", "83920"),
    "company": (
        "Northwind",
        "Brightlane",
        "Contoso",
        "Bluepeak",
        "Fabrikam",
        "Orchard Bank",
        "Parcelo",
        "Stellar Retail",
    ),
    "shop": ("Stellar Retail", "Greenleaf Books", "Urban Outfit", "Northwind Home"),
    "role": ("data analyst", "project manager", "junior engineer", "designer"),
    "city": ("Lisbon", "Berlin", "Toronto", "Nairobi", "Sydney", "Lagos", "Warsaw"),
    "product": (
        "running shoes",
        "headphones",
        "garden tools",
        "winter jackets",
        "laptops",
        "coffee machines",
    ),
    "prize": (
        "new iPhone",
        "$1,000 gift card",
        "luxury cruise",
        "brand new car",
        "cash prize of $5,000",
    ),
    "n": ("2", "3", "5", "7", "10"),
    "street": ("Main Street", "the harbour", "Elm Road", "the old market"),
    "season": ("spring", "summer", "autumn", "winter"),
}

# Pools of subjects and sentences that a ham kind and a spam kind share: a
# newsletter the reader signed up for and unsolicited marketing read alike.
_POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "promotion": (
        ("This week's offers", "Our {season} sale starts now", "{pct}% off {product}"),
        (
            "This week's offer: {pct}% off {product}.",
            "Don't miss our {season} sale.",
            "Free delivery on orders over $50.",
            "Click here to see all offers.",
            "Shop now while stocks last.",
            "Members save an extra {pct}% this weekend.",
        ),
    ),
    "account": (
        (
            "Security alert for your account",
            "New sign-in to your account",
            "Please confirm your details",
        ),
        (
            "A new sign-in to your account was detected from {city}.",
            "If this was not you, reset your password now.",
            "Please confirm your details in your account.",
            "Your account security matters to us.",
            "We noticed a change to your billing information.",
        ),
    ),
    "billing": (
        ("Invoice {num}", "Payment due on {day}", "Your invoice for {month}"),
        (
            "The invoice for {month} is attached.",
            "Your payment of ${amount} is due on {day}.",
            "Please find invoice {num} attached.",
            "Contact us if anything is unclear.",
            "Thank you for your payment of ${amount}.",
        ),
    ),
    "call": (
        ("Quick question", "Following up", "Time for a call on {day}?"),
        (
            "Do you have time for a quick call on {day}?",
            "Let me know if {time} works for you.",
            "Just following up on my last email.",
            "I would love to hear your thoughts.",
        ),
    ),
    "congratulations": (
        ("Congratulations!", "Good news, {name}"),
        (
            "Congratulations, you have been selected!",
            "We are delighted to share some good news with you.",
            "Please reply to confirm by {day}.",
        ),
    ),
}

# kind -> (subjects, sentences, shared pool); each email draws 2-4 sentences,
# about half of them from the shared pool when its kind has one.
_HAM: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {
    "meeting": (
        (
            "Meeting moved to {day}",
            "Agenda for the {project} review",
            "Can we sync on {project}?",
            "Quick question about the {project} timeline",
            "Re: {project} meeting",
        ),
        (
            "The {project} review is now on {day} at {time}.",
            "Could you bring the latest {doc}?",
            "I booked room {room} for an hour.",
            "Let me know if {time} does not work for you.",
            "We need to agree on the budget before the end of the month.",
            "I attached the notes from last week.",
            "Can you send me your comments on the {doc} before then?",
            "Sorry for the short notice.",
        ),
        "call",
    ),
    "update": (
        (
            "Weekly update: {project}",
            "{doc} draft for review",
            "Re: {project} numbers",
            "Status of the {project} work",
        ),
        (
            "I finished the first draft of the {doc}.",
            "The numbers for {month} are in the shared folder.",
            "Sales were up {pct}% compared with last quarter.",
            "Please review it before {day}.",
            "There is one open question about the {project} budget.",
            "The supplier confirmed the delivery date.",
            "We are still waiting for the final figures from finance.",
        ),
        None,
    ),
    "personal": (
        (
            "Dinner on {day}?",
            "Are you free this weekend?",
            "Photos from the trip",
            "Happy birthday!",
            "Re: plans for {day}",
        ),
        (
            "Are you free on {day} evening?",
            "We are thinking of trying the new place near {street}.",
            "The kids loved the trip, here are the photos.",
            "Call me when you get a chance.",
            "Mum says hello.",
            "I can pick you up at the station if that helps.",
            "Happy birthday, hope you have a wonderful day!",
        ),
        None,
    ),
    "job_offer": (
        ("Your offer from {company}", "Next steps after your interview", "Offer letter: {role}"),
        (
            "We are pleased to offer you the position of {role} at {company}.",
            "Your offer letter is attached; please sign and return it by {day}.",
            "The salary and start date are in the attached offer.",
            "The whole team is excited to work with you!",
            "Please call me if you have any questions about the offer.",
        ),
        "congratulations",
    ),
    "receipt": (
        (
            "Your order #{num} has shipped",
            "Receipt for your payment of ${amount}",
            "Order confirmation #{num}",
        ),
        (
            "Thank you for your order.",
            "You can track your package in your account.",
            "If you did not make this purchase, contact our support team.",
            "Your order will arrive within {n} working days.",
        ),
        "billing",
    ),
    "security": (
        ("Password reset requested", "New sign-in to your {company} account"),
        (
            "We received a request to reset your password.",
            "If this was you, you can ignore this message.",
            "You can review your security settings in your account.",
            "For your safety, we never ask for your password by email.",
        ),
        "account",
    ),
    "newsletter": (
        ("Your {month} newsletter from {shop}", "New arrivals at {shop}"),
        (
            "As a member you get early access to our {season} sale.",
            "You are receiving this email because you subscribed to our newsletter.",
            "You can unsubscribe at any time from your account settings.",
            "Our store on {street} now opens on Sundays.",
        ),
        "promotion",
    ),
}
_SPAM: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {
    "prize": (
        (
            "You have won!",
            "You are our lucky winner",
            "Claim your {prize} today",
            "FINAL NOTICE: your prize is waiting",
        ),
        (
            "Your email address was selected to receive a {prize}.",
            "To claim your prize, reply with your full name and bank details.",
            "This offer expires in 24 hours.",
            "Act now, there is no cost to you!",
            "Winners are chosen at random every month.",
        ),
        "congratulations",
    ),
    "phishing": (
        (
            "Your account has been suspended",
            "Urgent: verify your account",
            "Action required: payment failed",
        ),
        (
            "We detected unusual activity on your account.",
            "Your account will be closed unless you verify your details within 48 hours.",
            "Click the link below to confirm your password.",
            "Your payment of ${amount} could not be processed.",
            "Please update your billing information to avoid suspension.",
        ),
        "account",
    ),
    "money": (
        (
            "Double your money in 30 days",
            "Guaranteed returns, no risk",
            "A confidential business proposal",
            "Work from home and earn ${amount} a day",
        ),
        (
            "Our members earn ${amount} a day from home.",
            "Invest today and get guaranteed {pct}% returns every month.",
            "I am a bank manager and I need your help to transfer {n} million dollars.",
            "This is 100% risk free.",
            "Only {n} places left, reply today.",
            "No experience needed, just a computer and an internet connection.",
        ),
        None,
    ),
    "health": (
        ("Lose {n} kg in {n} weeks", "Cheap meds online", "Miracle supplement, {pct}% off"),
        (
            "Doctors hate this simple trick.",
            "Order now and get free shipping worldwide.",
            "No prescription needed.",
            "Buy {n} and get {n} free.",
            "Thousands of happy customers cannot be wrong.",
        ),
        None,
    ),
    "marketing": (
        (
            "Exclusive offer just for you",
            "Last chance: {pct}% off everything",
            "You have been pre-approved",
            "Don't miss out, {name}",
        ),
        (
            "Don't miss this limited time offer.",
            "You have been pre-approved for a credit card with no fees.",
            "To stop receiving these emails, reply STOP.",
            "We found your address through one of our partners.",
        ),
        "promotion",
    ),
    "invoice": (
        ("Overdue payment", "Re: invoice {num}"),
        (
            "Please find attached the invoice for the services provided.",
            "Kindly confirm receipt and arrange payment by {day}.",
            "Payment must be made by bank transfer to the new account below.",
            "A late fee will apply after {day}.",
        ),
        "billing",
    ),
    "pitch": (
        ("Partnership opportunity", "Re: our call"),
        (
            "I came across your company and wanted to reach out.",
            "We help businesses like yours grow their sales.",
            "Our clients see results in the first {n} weeks.",
            "I can send you a free audit of your website.",
        ),
        "call",
    ),
}
# probability of each kind within its class, in dict order
_HAM_KINDS = (0.2, 0.16, 0.14, 0.06, 0.16, 0.1, 0.18)
_SPAM_KINDS = (0.14, 0.18, 0.12, 0.1, 0.18, 0.12, 0.16)
_SPAM_SHARE = 0.4
_FROM_POOL = 0.5

_SHARED = (
    "Let me know if you have any questions.",
    "Thanks in advance.",
    "Have a great day!",
    "See the details below.",
)
# Greetings and sign-offs: people write to people; machines (a shop, a bank,
# a spammer) write to "customers".
_GREETINGS = {
    "person": ("Hi {name},", "Hello {name},", "Dear {name},", "Hey {name},", "Hi all,"),
    "machine": ("Dear customer,", "Dear friend,", "Hello,", "Hi {name},", "Dear {name},"),
}
_SIGN_OFFS = {
    "person": (
        "Thanks, {sender}",
        "Best, {sender}",
        "Cheers, {sender}",
        "Kind regards, {sender}",
        "Best regards, {sender}",
    ),
    "machine": (
        "Best regards, {sender}",
        "The {company} team",
        "Customer Service",
        "Sincerely, {sender}",
        "Kind regards, {sender}",
    ),
}
_PERSONAL_KINDS = ("meeting", "update", "personal", "job_offer", "pitch", "money")

DTYPES = {"subject": "str", "body": "str", "label": "str"}


def _email(rng: np.random.Generator, label: str) -> tuple[str, str]:
    kinds, shares = (_HAM, _HAM_KINDS) if label == "ham" else (_SPAM, _SPAM_KINDS)
    kind = list(kinds)[int(rng.choice(len(kinds), p=shares))]
    subjects, sentences, pool = kinds[kind]
    n_sentences = int(rng.integers(2, 5))
    n_shared = 0 if pool is None else int(rng.binomial(n_sentences, _FROM_POOL))
    chosen = sample(rng, sentences, n_sentences - n_shared)
    if pool is not None:
        chosen += sample(rng, _POOLS[pool][1], n_shared)
        if rng.random() < _FROM_POOL:
            subjects = _POOLS[pool][0]
        chosen = [chosen[int(i)] for i in rng.permutation(len(chosen))]
    if rng.random() < 0.3:
        chosen.append(pick(rng, _SHARED))
    voice = "person" if kind in _PERSONAL_KINDS else "machine"
    parts = [pick(rng, _GREETINGS[voice]), *chosen, pick(rng, _SIGN_OFFS[voice])]
    subject = fill(rng, pick(rng, subjects), _SLOTS)
    body = " ".join(fill(rng, part, _SLOTS) for part in parts)
    return subject, body


def make_emails(n_samples: int = 800, *, random_state: Any = None) -> pd.DataFrame:
    """Generate labelled emails, spam or ham, for a spam-detection exercise.

    Emails are built from course-written templates: a greeting, two to four
    sentences of one kind (meeting, project update, personal, job offer,
    receipt, security notice or newsletter for ham; prize, phishing, money,
    health, marketing or a subtle sales pitch for spam) and a sign-off.
    The classes share words on purpose: a wanted newsletter or a job offer
    says "offer", a real security notice looks like phishing, a fake invoice
    looks like a receipt. A bag-of-words model does well but not perfectly.

    Parameters
    ----------
    n_samples : int, default=800
        Number of emails (rows). About 40 % are spam.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for reproducible output.

    Returns
    -------
    DataFrame of shape (n_samples, 3)
        Columns ``subject`` (str), ``body`` (str, one line) and ``label``
        (str: ``"ham"`` or ``"spam"``).

    See Also
    --------
    load_emails : An 800-row snapshot of this generator.

    Examples
    --------
    >>> emails = make_emails(100, random_state=0)
    >>> emails.shape
    (100, 3)
    >>> sorted(emails["label"].unique().tolist())
    ['ham', 'spam']
    >>> ham = emails.loc[emails["label"] == "ham", "body"]
    >>> bool(ham.str.contains("offer").any())
    True
    """
    owner = "make_emails"
    check_scalar(n_samples, "n_samples", numbers.Integral, owner=owner, min_val=1)
    rng = check_random_state(random_state, owner=owner)
    labels = np.where(rng.random(int(n_samples)) < _SPAM_SHARE, "spam", "ham")
    rows = [(*_email(rng, str(label)), str(label)) for label in labels]
    frame = pd.DataFrame(rows, columns=list(DTYPES))
    return coerce_dtypes(frame, DTYPES)


SNAPSHOT = SnapshotSpec(
    filename="emails.csv",
    make=make_emails,
    n_samples=800,
    random_state=0,
    dtypes=DTYPES,
    target="label",
)


def load_emails(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the emails snapshot (spam detection, 800 synthetic emails).

    The file is ``make_emails(800, random_state=0)`` written to CSV and
    shipped with the package; its data card is in ``DESCR``. ``data`` holds
    the ``subject`` and ``body`` columns, ``target`` the ``label``.

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects (DataFrame, Series) instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)

    See Also
    --------
    make_emails : The generator, for other sizes or seeds.

    Examples
    --------
    >>> X, y = load_emails(return_X_y=True)
    >>> X.shape, sorted(y.unique().tolist())
    ((800, 2), ['ham', 'spam'])
    """
    return load_snapshot(
        SNAPSHOT, return_X_y=return_X_y, as_frame=as_frame, target_names=list(LABELS)
    )
