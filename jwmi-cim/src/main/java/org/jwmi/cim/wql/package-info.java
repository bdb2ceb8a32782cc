/**
 * The WMI Query Language.
 *
 * <ul>
 *   <li>{@link org.jwmi.cim.wql.WqlParser} — lexer and recursive-descent parser; errors are
 *       {@link org.jwmi.cim.CimException}s (WBEM_E_INVALID_QUERY ...) with the character position.</li>
 *   <li>AST (immutable records): {@link org.jwmi.cim.wql.WqlQuery} = {@link org.jwmi.cim.wql.WqlSelect} |
 *       {@link org.jwmi.cim.wql.WqlAssociators} | {@link org.jwmi.cim.wql.WqlReferences};
 *       {@link org.jwmi.cim.wql.WqlExpr} conditions over {@link org.jwmi.cim.wql.WqlProperty} and
 *       {@link org.jwmi.cim.wql.WqlLiteral} operands; {@link org.jwmi.cim.wql.LikePattern}. Each prints back
 *       with {@code toWql()}.</li>
 *   <li>{@link org.jwmi.cim.wql.WqlFilter} — a condition compiled to a predicate with WMI's comparison rules
 *       (also what event delivery uses); {@link org.jwmi.cim.wql.WqlDates} — WQL date literals.</li>
 *   <li>{@link org.jwmi.cim.wql.WqlEvaluator} over a {@link org.jwmi.cim.wql.QuerySource} (the server's
 *       repository; {@link org.jwmi.cim.wql.InMemoryQuerySource} for tests and tools).</li>
 * </ul>
 */
package org.jwmi.cim.wql;
