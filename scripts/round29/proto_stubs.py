"""Makes the Python gRPC stubs from the repository's proto/ (grpc_tools.protoc) into scripts/round29/stubs/ on first use, for both halves,
and puts them on sys.path. `from proto_stubs import pb, pbg` gives screening_pb2 and screening_pb2_grpc."""
import os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
STUBS = os.path.join(HERE, 'stubs')
PROTO = os.path.join(HERE, '..', '..', 'proto')  # scripts/round29/ -> repository root
if not os.path.exists(os.path.join(STUBS, 'screening', 'v1', 'screening_pb2_grpc.py')):
    os.makedirs(STUBS, exist_ok=True)
    subprocess.check_call([sys.executable, '-m', 'grpc_tools.protoc', '-I' + PROTO, '--python_out=' + STUBS,
                           '--grpc_python_out=' + STUBS, os.path.join(PROTO, 'screening', 'v1', 'screening.proto')])
if STUBS not in sys.path:
    sys.path.insert(0, STUBS)
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as pbg  # noqa: E402
