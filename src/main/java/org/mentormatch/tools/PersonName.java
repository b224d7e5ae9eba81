package org.mentormatch.tools;

/** A person's name as displayed, and the ASCII parts of their e-mail address. */
record PersonName(String display, String emailFirst, String emailLast, Region region) {}
