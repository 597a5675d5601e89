#!/usr/bin/env python3
"""Offline checks of the Kubernetes manifests in docker/k8s (no cluster, no kubeconform needed): python3 docker/k8s/check.py

- every file parses as YAML and every document has apiVersion, kind and metadata.name;
- kustomization.yaml lists files that exist, and every manifest but secret.example.yaml is listed;
- the Service, the PodDisruptionBudget and the Deployment's selector match the pod labels; the HPA scales the
  Deployment; the ConfigMap, Secrets and PersistentVolumeClaim the pod refers to are defined here;
- the probes use the Quarkus health paths and the named container port;
- terminationGracePeriodSeconds covers the preStop sleep plus %prod.quarkus.shutdown.timeout;
- the heap (MaxRAMPercentage of the memory limit) leaves room for the rest of the JVM;
- every environment variable set (ConfigMap, example Secret, container env) is one the application reads: the
  environment form of a key in application.properties, of a ${VAR} reference there, of a @ConfigProperty /
  config name in the Java sources, or a name in README's configuration table; the few Quarkus-owned names used without appearing there are listed below.
Exits 1 with the list of problems.
"""
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROPERTIES = ROOT / "bootstrap/src/main/resources/application.properties"

# Quarkus and image settings the manifests use that application.properties does not mention.
KNOWN_ELSEWHERE = {
    "QUARKUS_PROFILE",                 # Quarkus: the configuration profile
    "QUARKUS_DATASOURCE_JDBC_URL",     # Quarkus datasource (set only by the environment in prod)
    "QUARKUS_DATASOURCE_USERNAME",
    "QUARKUS_DATASOURCE_PASSWORD",
    "QUARKUS_REDIS_HOSTS",             # Quarkus Redis client
    "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",  # Quarkus HTTP proxy support (set in %test only)
    "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
    "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES",
    "MP_JWT_VERIFY_PUBLICKEY_LOCATION",  # SmallRye JWT key locations (checked by ProductionGuard)
    "SMALLRYE_JWT_SIGN_KEY_LOCATION",
    "JAVA_OPTS",                       # docker/Dockerfile.jvm's entrypoint
}

problems = []


def problem(message):
    problems.append(message)


def env_form(key):
    """MicroProfile Config's environment name of a property key: non-alphanumerics to _, upper case."""
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def known_env_names():
    names = set(KNOWN_ELSEWHERE)
    for line in PROPERTIES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        key = re.sub(r"^%[a-z]+\.", "", key.strip())
        names.add(env_form(key))
        names.update(re.findall(r"\$\{([A-Z0-9_]+)", value))
    # README's configuration table documents the names read through a prefix (ModelSettings' hexcore.ai.*).
    for row in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if row.startswith("| `"):
            names.update(re.findall(r"`((?:HEXCORE|QUARKUS|TELEGRAM)_[A-Z0-9_]+)`", row.split("|")[1]))
    for source in ROOT.glob("*/src/main/java/**/*.java"):
        text = source.read_text(encoding="utf-8")
        for key in re.findall(r'"((?:hexcore|quarkus|mp|smallrye)\.[a-z0-9.\-"]+)"', text):
            names.add(env_form(key))
    return names


def load(path):
    try:
        return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
    except yaml.YAMLError as e:
        problem(f"{path.name}: not valid YAML: {e}")
        return []


def main():
    files = sorted(HERE.glob("*.yaml"))
    docs = {}
    for path in files:
        for doc in load(path):
            for field in ("apiVersion", "kind"):
                if not doc.get(field):
                    problem(f"{path.name}: a document without {field}")
            if doc.get("kind") != "Kustomization" and not (doc.get("metadata") or {}).get("name"):
                problem(f"{path.name}: a {doc.get('kind')} without metadata.name")
            docs.setdefault(doc.get("kind"), []).append((path.name, doc))

    kustomization = docs.get("Kustomization", [(None, {})])[0][1]
    listed = set(kustomization.get("resources", []))
    for name in listed:
        if not (HERE / name).exists():
            problem(f"kustomization.yaml lists {name}, which does not exist")
    for path in files:
        if path.name not in listed | {"kustomization.yaml", "secret.example.yaml"}:
            problem(f"{path.name} is not listed in kustomization.yaml")

    def one(kind):
        found = docs.get(kind, [])
        if len(found) != 1:
            problem(f"expected one {kind}, found {len(found)}")
            return {}
        return found[0][1]

    deployment, service, pdb, hpa = one("Deployment"), one("Service"), one("PodDisruptionBudget"), one("HorizontalPodAutoscaler")
    config = one("ConfigMap")
    secrets = {d["metadata"]["name"]: d for _, d in docs.get("Secret", [])}
    claims = {d["metadata"]["name"] for _, d in docs.get("PersistentVolumeClaim", [])}
    pod = deployment.get("spec", {}).get("template", {})
    labels = pod.get("metadata", {}).get("labels", {})

    def matches(selector, what):
        if not selector or any(labels.get(k) != v for k, v in selector.items()):
            problem(f"{what} selector {selector} does not match the pod labels {labels}")

    matches(deployment.get("spec", {}).get("selector", {}).get("matchLabels"), "Deployment")
    matches(service.get("spec", {}).get("selector"), "Service")
    matches(pdb.get("spec", {}).get("selector", {}).get("matchLabels"), "PodDisruptionBudget")
    target = hpa.get("spec", {}).get("scaleTargetRef", {})
    if target.get("kind") != "Deployment" or target.get("name") != deployment.get("metadata", {}).get("name"):
        problem(f"the HPA scales {target}, not the Deployment")
    if hpa.get("apiVersion") != "autoscaling/v2":
        problem("the HPA is not autoscaling/v2")
    if deployment.get("spec", {}).get("replicas") != 2:
        problem("the Deployment does not run 2 replicas")

    spec = pod.get("spec", {})
    containers = spec.get("containers", [])
    if len(containers) != 1:
        problem("expected one container")
        containers = containers[:1] or [{}]
    container = containers[0]
    ports = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
    for probe, path in (("startupProbe", "/q/health/started"), ("livenessProbe", "/q/health/live"),
                        ("readinessProbe", "/q/health/ready")):
        get = container.get(probe, {}).get("httpGet", {})
        if get.get("path") != path or get.get("port") not in ports:
            problem(f"{probe} should GET {path} on a named container port, has {get}")
    for p in service.get("spec", {}).get("ports", []):
        if p.get("targetPort") not in ports:
            problem(f"the Service targets port {p.get('targetPort')}, not a container port")

    for source in container.get("envFrom", []):
        if "configMapRef" in source and source["configMapRef"]["name"] != config.get("metadata", {}).get("name"):
            problem(f"envFrom names ConfigMap {source['configMapRef']['name']}, which is not defined")
        if "secretRef" in source and source["secretRef"]["name"] not in secrets:
            problem(f"envFrom names Secret {source['secretRef']['name']}, not in secret.example.yaml")
    for volume in spec.get("volumes", []):
        if "secret" in volume and volume["secret"]["secretName"] not in secrets:
            problem(f"volume {volume['name']} names Secret {volume['secret']['secretName']}, not in secret.example.yaml")
        if "persistentVolumeClaim" in volume and volume["persistentVolumeClaim"]["claimName"] not in claims:
            problem(f"volume {volume['name']} names an undefined claim")

    # Key files the ConfigMap points at exist in the JWT Secret's mount.
    mounts = {m["name"]: m["mountPath"] for m in container.get("volumeMounts", [])}
    jwt_secret = next((v for v in spec.get("volumes", []) if "secret" in v), None)
    if jwt_secret:
        keys = set((secrets.get(jwt_secret["secret"]["secretName"], {}).get("stringData") or {}).keys())
        for var in ("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION"):
            location = str(config.get("data", {}).get(var, ""))
            expected = {f"file:{mounts.get(jwt_secret['name'])}/{k}" for k in keys}
            if location not in expected:
                problem(f"{var}={location} is not a file of the mounted Secret ({sorted(expected)})")

    # Graceful shutdown: the grace period covers the preStop sleep and Quarkus's shutdown timeout.
    timeout = re.search(r"^%prod\.quarkus\.shutdown\.timeout=(\d+)s$", PROPERTIES.read_text(encoding="utf-8"), re.M)
    if not timeout:
        problem("application.properties sets no %prod.quarkus.shutdown.timeout (in seconds)")
    else:
        sleep = container.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", ["", "0"])[-1]
        grace = spec.get("terminationGracePeriodSeconds", 30)
        if grace < int(sleep) + int(timeout.group(1)):
            problem(f"terminationGracePeriodSeconds {grace} < preStop {sleep} s + shutdown timeout {timeout.group(1)} s")

    # Memory: the heap at MaxRAMPercentage of the limit leaves at least 256 MiB for the rest of the JVM.
    env = {e["name"]: e.get("value", "") for e in container.get("env", [])}
    percent = re.search(r"-XX:MaxRAMPercentage=(\d+)", env.get("JAVA_OPTS", ""))
    limit = str(container.get("resources", {}).get("limits", {}).get("memory", ""))
    units = {"Mi": 1, "Gi": 1024}
    size = re.fullmatch(r"(\d+)(Mi|Gi)", limit)
    if not percent or not size:
        problem("JAVA_OPTS needs -XX:MaxRAMPercentage and the container a memory limit in Mi or Gi")
    else:
        limit_mib = int(size.group(1)) * units[size.group(2)]
        if limit_mib - limit_mib * int(percent.group(1)) / 100 < 256:
            problem(f"a heap of {percent.group(1)} % of {limit} leaves less than 256 MiB for the rest of the JVM")
    if not container.get("securityContext", {}).get("readOnlyRootFilesystem"):
        problem("the root file system is not read-only")
    if not any(m["mountPath"] == "/tmp" for m in container.get("volumeMounts", [])):
        problem("a read-only root file system needs a writable /tmp")

    # Every variable set is one the application reads.
    known = known_env_names()
    used = set(config.get("data", {})) | set(env)
    for secret in secrets.values():
        if secret.get("metadata", {}).get("name") == "hexcore-secrets":
            used |= set((secret.get("stringData") or {}).keys())
    for name in sorted(used - known):
        problem(f"environment variable {name} matches no configuration key of the application")

    if problems:
        print("docker/k8s: " + str(len(problems)) + " problem(s):")
        for p in problems:
            print("  - " + p)
        return 1
    print(f"docker/k8s: {len(files)} files, {sum(len(v) for v in docs.values())} documents, "
          f"{len(used)} environment variables: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
