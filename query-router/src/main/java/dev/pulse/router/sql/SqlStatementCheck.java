package dev.pulse.router.sql;

import dev.pulse.router.druid.SqlQuery;
import dev.pulse.router.query.BadQueryException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Admits analyst SQL only when it is one read-only query over Pulse datasources, decided on the parse tree of
 * Calcite's parser (the one Druid itself uses), not on the text. It then wraps the query in an outer
 * {@code LIMIT ?} and parses the result again, so the text sent to Druid is exactly the text that was checked.
 */
public final class SqlStatementCheck {

    private static final Set<SqlKind> QUERIES = Set.of(SqlKind.SELECT, SqlKind.ORDER_BY, SqlKind.WITH,
            SqlKind.UNION, SqlKind.INTERSECT, SqlKind.EXCEPT);
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("sys", "information_schema", "lookup", "view", "ext");
    private static final int MAX_LENGTH = 20_000;

    private static final SqlParser.Config PARSER = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.LENIENT);

    private SqlStatementCheck() {
    }

    /**
     * @param datasources the table names analysts may read
     * @param limit       the row limit forced onto the query
     */
    public static SqlQuery admit(String sql, Set<String> datasources, int limit) {
        if (sql == null || sql.isBlank()) {
            throw new BadQueryException("sql is required");
        }
        if (sql.length() > MAX_LENGTH) {
            throw new BadQueryException("sql is longer than " + MAX_LENGTH + " characters");
        }
        checkTables(single(sql), datasources);
        String body = sql.strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        // new lines keep a trailing -- comment from swallowing the closing parenthesis
        String wrapped = "SELECT * FROM (\n" + body + "\n) LIMIT ?";
        SqlNode outer;
        try {
            outer = single(wrapped);
        } catch (BadQueryException e) {
            throw new BadQueryException("the query cannot take an outer LIMIT; send it without a trailing"
                    + " comment or semicolon");
        }
        checkTables(outer, datasources);
        return new SqlQuery(wrapped, List.of(limit));
    }

    private static SqlNode single(String sql) {
        SqlNodeList statements;
        try {
            statements = SqlParser.create(sql, PARSER).parseStmtList();
        } catch (SqlParseException e) {
            String message = e.getMessage().lines().findFirst().orElse("syntax error");
            throw new BadQueryException("not valid SQL: " + message);
        }
        if (statements.size() != 1) {
            throw new BadQueryException("send exactly one statement, not " + statements.size());
        }
        SqlNode statement = statements.get(0);
        if (!QUERIES.contains(statement.getKind())) {
            throw new BadQueryException("only a read-only SELECT is allowed, not " + statement.getKind());
        }
        return statement;
    }

    private static void checkTables(SqlNode query, Set<String> datasources) {
        Set<String> withNames = new HashSet<>();
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWithItem item) {
                    withNames.add(item.name.getSimple());
                }
                return super.visit(call);
            }
        });
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    from(select.getFrom(), datasources, withNames);
                }
                return super.visit(call);
            }
        });
    }

    private static void from(SqlNode from, Set<String> datasources, Set<String> withNames) {
        if (from == null) {
            return;
        }
        if (from instanceof SqlIdentifier table) {
            table(table, datasources, withNames);
        } else if (from instanceof SqlJoin join) {
            from(join.getLeft(), datasources, withNames);
            from(join.getRight(), datasources, withNames);
        } else if (from instanceof SqlBasicCall call
                && (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.LATERAL)) {
            from(call.operand(0), datasources, withNames);
        } else if (!QUERIES.contains(from.getKind()) && from.getKind() != SqlKind.VALUES
                && from.getKind() != SqlKind.UNNEST) {
            // sub-queries are checked when the visitor reaches them; VALUES and UNNEST read no table
            throw new BadQueryException("only Pulse datasources can be read, not " + from.getKind());
        }
    }

    private static void table(SqlIdentifier table, Set<String> datasources, Set<String> withNames) {
        List<String> names = table.names;
        if (names.size() == 1 && withNames.contains(names.get(0))) {
            return;
        }
        if (names.size() > 1) {
            String schema = names.get(names.size() - 2).toLowerCase(Locale.ROOT);
            if (SYSTEM_SCHEMAS.contains(schema)) {
                throw new BadQueryException("system tables (" + String.join(".", names) + ") are not open to queries");
            }
            if (!schema.equals("druid") || names.size() > 2) {
                throw new BadQueryException("unknown schema in " + String.join(".", names));
            }
        }
        String name = names.get(names.size() - 1);
        if (!datasources.contains(name)) {
            throw new BadQueryException("'" + name + "' is not a Pulse datasource; readable: " + datasources);
        }
    }
}
