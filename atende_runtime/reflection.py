"""What server reflection may describe to clients outside the mesh.

Reflection answers from a descriptor pool, and by default that is the process's
whole pool: every service, method and message the generated modules loaded, so
`grpcurl describe atende.memory.v1.MemoryService` through the gateway described an
internal service. `public_pool` builds a pool of the public API only: of our own
(atende.*) files it keeps the public methods (an atende.common.v1.access option
other than ACCESS_UNSPECIFIED) of the services named, and the messages and enums
they reach; other files (google.protobuf, grpc.health...) are kept as they are."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from atende.common.v1 import access_pb2
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FileDescriptor, MethodDescriptor

_OURS = "atende."


def is_public(method: MethodDescriptor) -> bool:
    options = method.GetOptions()
    extension = cast(object, access_pb2.access)
    return bool(options.HasExtension(extension) and options.Extensions[extension])  # type: ignore[index,arg-type]


def public_pool(
    service_names: Iterable[str], base: descriptor_pool.DescriptorPool | None = None
) -> descriptor_pool.DescriptorPool:
    """A pool holding the named services (their public methods only, for ours) and
    everything those reach, found in `base` (the default pool)."""
    base = base or descriptor_pool.Default()
    services = [base.FindServiceByName(name) for name in service_names]
    files: dict[str, descriptor_pb2.FileDescriptorProto] = {}
    for service in services:
        _add_file(service.file, files)

    kept_methods: dict[str, set[str]] = {}
    reached: set[str] = set()
    for service in services:
        ours = service.full_name.startswith(_OURS)
        methods = [m for m in service.methods if not ours or is_public(m)]
        kept_methods[service.full_name] = {m.name for m in methods}
        for method in methods:
            _reach(method.input_type, reached)
            _reach(method.output_type, reached)
    for name, proto in files.items():
        if proto.package.startswith(_OURS):
            _reach_extensions(base.FindFileByName(name), reached)

    pool = descriptor_pool.DescriptorPool()
    for proto in files.values():  # dependencies first, as added
        if proto.package.startswith(_OURS):
            _strip(proto, kept_methods, reached)
        pool.Add(proto)
    return pool


def _add_file(file: FileDescriptor, files: dict[str, descriptor_pb2.FileDescriptorProto]) -> None:
    """Copies `file` into `files` after its dependencies, unless it is there."""
    if file.name in files:
        return
    for dependency in file.dependencies:
        _add_file(dependency, files)
    proto = descriptor_pb2.FileDescriptorProto()
    file.CopyToProto(proto)
    files[file.name] = proto


def _reach_extensions(file: FileDescriptor, reached: set[str]) -> None:
    """The types our options (extensions) use stay: atende.common.v1.Access."""
    for extension in file.extensions_by_name.values():
        if extension.message_type is not None:
            _reach(extension.message_type, reached)
        if extension.enum_type is not None:
            reached.add(_top(extension.enum_type))


def _top(descriptor: Descriptor | EnumDescriptor) -> str:
    """The full name of the top-level message (or enum) that holds `descriptor`."""
    while descriptor.containing_type is not None:
        descriptor = descriptor.containing_type
    return descriptor.full_name


def _reach(message: Descriptor, reached: set[str]) -> None:
    """Marks the top-level type of `message` and of every type its fields (and its
    nested types' fields) use."""
    top = message
    while top.containing_type is not None:
        top = top.containing_type
    if top.full_name in reached:
        return
    reached.add(top.full_name)
    pending = [top]
    while pending:
        current = pending.pop()
        pending.extend(current.nested_types)
        for field in current.fields:
            if field.message_type is not None:
                _reach(field.message_type, reached)
            if field.enum_type is not None:
                reached.add(_top(field.enum_type))


def _strip(proto: descriptor_pb2.FileDescriptorProto, kept_methods: dict[str, set[str]], reached: set[str]) -> None:
    prefix = f"{proto.package}."
    services = [s for s in proto.service if prefix + s.name in kept_methods]
    del proto.service[:]
    for service in services:
        methods = [m for m in service.method if m.name in kept_methods[prefix + service.name]]
        del service.method[:]
        service.method.extend(methods)
    proto.service.extend(services)
    messages = [m for m in proto.message_type if prefix + m.name in reached]
    del proto.message_type[:]
    proto.message_type.extend(messages)
    enums = [e for e in proto.enum_type if prefix + e.name in reached]
    del proto.enum_type[:]
    proto.enum_type.extend(enums)
