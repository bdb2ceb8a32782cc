package org.jwmi.cim.wql;

/**
 * A parsed WQL statement (WMI SDK "WQL (SQL for WMI)"): a SELECT (data, schema or event query), an ASSOCIATORS OF
 * or a REFERENCES OF statement. {@link #toWql()} prints it back as WQL that parses to the same tree (positions
 * aside).
 */
public sealed interface WqlQuery permits WqlSelect, WqlAssociators, WqlReferences {

    /** The statement as WQL text. */
    String toWql();
}
