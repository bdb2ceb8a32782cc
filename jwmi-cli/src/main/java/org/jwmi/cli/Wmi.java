package org.jwmi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.dcom.server.DcomServer;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.provider.linux.LinuxHost;
import org.jwmi.server.provider.linux.LinuxProviders;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.server.security.AccountDirectory;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Impersonation;
import org.jwmi.server.security.NamespaceSecurity;
import org.jwmi.server.security.SystemSecurityProvider;
import org.jwmi.server.security.Tokens;
import org.jwmi.server.service.Cimom;
import org.jwmi.server.service.DcomSinkConnector;
import org.jwmi.server.service.NamespaceGuard;
import org.jwmi.server.service.WmiService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WMI half of {@link JwmiServer}: the CIM repository in the data directory, the Linux providers, the object
 * manager, the DCOM server (resolver on the endpoint-mapper port, object exporter on a dynamic port of the same
 * address) and the WMI service registered in its class registry.
 */
final class Wmi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wmi.class);

    final CimRepository repository;
    final ProviderRegistry providers;
    final NamespaceSecurity security;
    final DcomServer dcom;
    final WmiService service;
    private final DcomSinkConnector sinks;
    private final Path temporary;

    private Wmi(CimRepository repository, ProviderRegistry providers, NamespaceSecurity security, DcomServer dcom,
                WmiService service, DcomSinkConnector sinks, Path temporary) {
        this.repository = repository;
        this.providers = providers;
        this.security = security;
        this.dcom = dcom;
        this.service = service;
        this.sinks = sinks;
        this.temporary = temporary;
    }

    static Wmi start(JwmiServer.Config config, RpcServer resolver, ServerOptions options, String netbios)
            throws IOException {
        Path temporary = config.dataDir() == null ? Files.createTempDirectory("jwmi-repository-") : null;
        Path dir = config.dataDir() != null ? config.dataDir() : temporary;
        CimRepository repository = CimRepository.open(dir.resolve(JwmiServer.REPOSITORY_FILE), netbios);
        NamespaceSecurity security;
        DcomServer dcom = null;
        WmiService service = null;
        DcomSinkConnector sinks = DcomSinkConnector.builder().build();
        try {
            LinuxHost host = LinuxHost.system();
            AccountDirectory directory = config.accounts() instanceof AccountDirectory d ? d : null;
            ProviderRegistry providers = directory != null
                    ? LinuxProviders.registerAll(new ProviderRegistry(), host, directory)
                    : LinuxProviders.registerAll(new ProviderRegistry(), host);
            (directory != null ? LinuxProviders.methodProviders(host, directory) : LinuxProviders.methodProviders(host))
                    .forEach(providers::register);
            security = new NamespaceSecurity(repository);
            providers.register(new SystemSecurityProvider(security));
            Cimom cimom = new Cimom(repository, providers, netbios, Clock.systemUTC());
            cimom.onNamespaceDeleted(security::namespaceDeleted);
            service = WmiService.builder().cimom(cimom).guard(guard(security)).sinks(sinks)
                    .tokens(call -> token(directory, call.peer().orElse(null))).build();
            boolean hardened = config.minAuthLevel().atLeast(AuthLevel.PKT_INTEGRITY);
            dcom = DcomServer.builder()
                    .resolver(resolver)
                    .security(new NtlmSecurityProvider(), options)
                    .principalName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT, netbios)
                    .hostName(config.computerName())
                    .exporterAuthLevel(config.minAuthLevel())
                    .exporterPort(config.exporterPort())
                    .activationHardening(hardened)
                    .build();
            service.register(dcom.classes());
            dcom.start();
            LOG.info("WMI service: repository {}, namespaces {}", dir.resolve(JwmiServer.REPOSITORY_FILE),
                    repository.namespaces());
            return new Wmi(repository, providers, security, dcom, service, sinks, temporary);
        } catch (IOException | RuntimeException e) {
            if (dcom != null) {
                dcom.close();
            }
            if (service != null) {
                service.close();
            }
            sinks.close();
            repository.close();
            throw e;
        }
    }

    /**
     * The caller's token: its account's groups from the account directory (a store that is not one gives
     * Authenticated Users only). NTLM tells Identify (NTLMSSP_NEGOTIATE_IDENTIFY) from Impersonate; Delegate needs
     * Kerberos.
     */
    private static CallerToken token(AccountDirectory directory, PeerIdentity peer) {
        if (peer == null || peer.anonymous()) {
            return Tokens.anonymous(peer != null ? peer : new PeerIdentity("", "", "", true));
        }
        if (directory == null) {
            return new CallerToken(peer, Tokens.ANONYMOUS_LOGON, Set.of(CallerToken.EVERYONE,
                    CallerToken.AUTHENTICATED_USERS), peer.identifyOnly() ? Impersonation.IDENTIFY
                    : Impersonation.IMPERSONATE);
        }
        return Tokens.of(directory, peer, peer.identifyOnly() ? Impersonation.IDENTIFY : Impersonation.IMPERSONATE);
    }

    private static NamespaceGuard guard(NamespaceSecurity security) {
        return new NamespaceGuard() {
            @Override
            public void check(CallerToken caller, String namespace, int desiredRights) {
                security.check(caller, namespace, desiredRights);
            }

            @Override
            public boolean requiresEncryption(String namespace) {
                return security.requiresEncryption(namespace);
            }
        };
    }

    @Override
    public void close() {
        dcom.close();
        sinks.close();
        service.close();
        repository.close();
        if (temporary != null) {
            try (var files = Files.walk(temporary)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("cannot delete {}", temporary, e);
            }
        }
    }
}
