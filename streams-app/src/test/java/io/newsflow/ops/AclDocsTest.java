package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.config.AppConfig;
import io.newsflow.runtime.RequiredAcls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ACL table of docs/operations.md is the one {@link RequiredAcls} grants in SecuredClusterTest and
 * checks at start. Run with {@code -Dnewsflow.config.docs.write=true} to regenerate it.
 */
class AclDocsTest {

    private static final String BEGIN = "<!-- BEGIN GENERATED from io.newsflow.runtime.RequiredAcls by AclDocsTest:"
            + " edit the class, not this table -->\n";
    private static final String END = "<!-- END GENERATED -->";

    @Test
    void operationsListsTheAclsTheAppNeeds() throws IOException {
        Path docs = RepoFiles.path("docs/operations.md");
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN) + BEGIN.length();
        int end = text.indexOf(END, begin);
        String table = RequiredAcls.markdown(AppConfig.defaults().with("bootstrap.servers", "cluster:9092"));
        String generated = text.substring(0, begin) + table + text.substring(end);
        if (Boolean.getBoolean("newsflow.config.docs.write")) {
            Files.writeString(docs, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table, text.substring(begin, end), "docs/operations.md's ACL table; regenerate it with"
                + " mvn -pl streams-app -am test -Dtest=AclDocsTest -Dnewsflow.config.docs.write=true");
    }
}
