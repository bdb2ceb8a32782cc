package org.jwmi.server.repository;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimType;

/** Entry point run in a child JVM by the durability and streaming tests. */
public final class RepositoryChild {
    static final String NS = "root\\default";
    static final CimClass DURABLE = CimClass.builder("T_Durable").property("Id", CimType.STRING, p -> p.key())
            .property("Note", CimType.STRING).build();

    private RepositoryChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        switch (args[0]) {
            case "commit-and-hang" -> {
                CimRepository repo = CimRepository.open(db);
                repo.putClass(NS, DURABLE, CimRepository.WBEM_FLAG_CREATE_OR_UPDATE);
                repo.putInstance(NS, DURABLE.newInstance().set("Id", "k9").set("Note", "survives").build(),
                        CimRepository.WBEM_FLAG_CREATE_ONLY);
                System.out.println("committed");
                System.out.flush();
                Thread.sleep(60_000);
            }
            case "count" -> {
                try (CimRepository repo = CimRepository.open(db);
                     Stream<CimInstance> s = repo.enumInstances(NS, CimName.of(args[2]), CimRepository.WBEM_FLAG_DEEP)) {
                    System.out.println("count=" + s.count());
                }
            }
            case "list" -> {
                try (CimRepository repo = CimRepository.open(db);
                     Stream<CimInstance> s = repo.enumInstances(NS, CimName.of(args[2]), CimRepository.WBEM_FLAG_DEEP)) {
                    List<CimInstance> all = s.collect(Collectors.toList());
                    System.out.println("count=" + all.size());
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
