#!/usr/bin/env bash
# Walks the life of executions with the AWS CLI against a running platform, failing loudly at the
# first step that does not do what the README says: create a state machine, start an execution,
# describe it until it is done, read its history, list executions, stop a waiting execution,
# complete a callback with send-task-success, and run the order example through the CLI and the
# REST API with identical outputs.
#
# Usage: api/src/test/sh/cli-walkthrough.sh http://127.0.0.1:8080
set -euo pipefail

URL="${1:?usage: $0 <platform base URL, e.g. http://127.0.0.1:8080>}"
export AWS_ACCESS_KEY_ID=dummy AWS_SECRET_ACCESS_KEY=dummy AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_CLI_AUTO_PROMPT=off
RUN="cli$(date +%s)"
ROLE="arn:aws:iam::123456789012:role/cli"

step() { printf '[cli] %s\n' "$*"; }
fail() { printf '[cli] FAILED: %s\n' "$*" >&2; exit 1; }
sfn() { aws stepfunctions --endpoint-url "$URL" --output json "$@"; }
field() { jq -er "$1" <<<"$2" || fail "no $1 in: $2"; }

# Polls describe-execution until the execution leaves RUNNING (at most 60 s); prints the answer.
await_end() {
  local arn="$1" answer status
  for _ in $(seq 1 300); do
    answer=$(sfn describe-execution --execution-arn "$arn")
    status=$(field .status "$answer")
    if [ "$status" != RUNNING ]; then
      printf '%s' "$answer"
      return 0
    fi
    sleep 0.2
  done
  fail "$arn is still RUNNING after 60 s"
}

command -v aws >/dev/null || fail "the AWS CLI (aws) is not installed"
command -v jq >/dev/null || fail "jq is not installed"
step "AWS CLI: $(aws --version 2>&1)"

step "create-state-machine ${RUN}-hello"
DEFINITION='{"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('"'"'hello {}'"'"', $.who)"},"Next":"Done"},"Done":{"Type":"Succeed"}}}'
HELLO=$(field .stateMachineArn "$(sfn create-state-machine --name "${RUN}-hello" \
  --definition "$DEFINITION" --role-arn "$ROLE")")

step "start-execution"
FIRST=$(field .executionArn "$(sfn start-execution --state-machine-arn "$HELLO" \
  --name first --input '{"who":"cli"}')")
[ "$FIRST" = "${HELLO/:stateMachine:/:execution:}:first" ] || fail "unexpected execution ARN $FIRST"

step "describe-execution until it is done"
DONE=$(await_end "$FIRST")
[ "$(field .status "$DONE")" = SUCCEEDED ] || fail "first ended $(field .status "$DONE"): $DONE"
[ "$(field .output "$DONE" | jq -c .)" = '{"greeting":"hello cli"}' ] \
  || fail "first gave $(field .output "$DONE")"

step "get-execution-history"
HISTORY=$(sfn get-execution-history --execution-arn "$FIRST")
TYPES=$(jq -c '[.events[].type]' <<<"$HISTORY")
[ "$TYPES" = '["ExecutionStarted","PassStateEntered","PassStateExited","SucceedStateEntered","SucceedStateExited","ExecutionSucceeded"]' ] \
  || fail "history has $TYPES"
[ "$(jq -c '[.events[].id]' <<<"$HISTORY")" = '[1,2,3,4,5,6]' ] || fail "event ids: $HISTORY"
REVERSED=$(sfn get-execution-history --execution-arn "$FIRST" --reverse-order --max-items 1)
[ "$(jq -r '.events[0].type' <<<"$REVERSED")" = ExecutionSucceeded ] || fail "reverse order: $REVERSED"

step "list-executions (status filter, paging)"
sfn start-execution --state-machine-arn "$HELLO" --name second --input '{"who":"again"}' >/dev/null
await_end "${FIRST%:first}:second" >/dev/null
SUCCEEDED=$(sfn list-executions --state-machine-arn "$HELLO" --status-filter SUCCEEDED)
[ "$(jq -c '[.executions[].name]' <<<"$SUCCEEDED")" = '["second","first"]' ] \
  || fail "list-executions (newest first) gave $SUCCEEDED"
PAGE=$(sfn list-executions --state-machine-arn "$HELLO" --max-items 1)
[ "$(jq '.executions | length' <<<"$PAGE")" = 1 ] || fail "a page of one gave $PAGE"
TOKEN=$(field .NextToken "$PAGE")
REST_PAGE=$(sfn list-executions --state-machine-arn "$HELLO" --max-items 1 --starting-token "$TOKEN")
[ "$(jq -r '.executions[0].name' <<<"$REST_PAGE")" = first ] || fail "the next page gave $REST_PAGE"
[ "$(jq '.executions | length' <<<"$(sfn list-executions --state-machine-arn "$HELLO" --status-filter RUNNING)")" = 0 ] \
  || fail "RUNNING lists ended executions"

step "stop-execution of a waiting execution"
WAITS=$(field .stateMachineArn "$(sfn create-state-machine --name "${RUN}-waits" --role-arn "$ROLE" \
  --definition '{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}')")
HELD=$(field .executionArn "$(sfn start-execution --state-machine-arn "$WAITS" --name held)")
[ "$(field .status "$(sfn describe-execution --execution-arn "$HELD")")" = RUNNING ] || fail "held is not running"
sfn stop-execution --execution-arn "$HELD" --error Operator.Stop --cause "no longer needed" >/dev/null
STOPPED=$(await_end "$HELD")
[ "$(field .status "$STOPPED")" = ABORTED ] || fail "held ended $(field .status "$STOPPED")"
[ "$(field .error "$STOPPED")" = Operator.Stop ] || fail "stop error: $STOPPED"

step "send-task-success to a callback (fraud example, manual review)"
FRAUD="arn:aws:states:us-east-1:123456789012:stateMachine:fraud-detection"
TX="tx-${RUN}"
REVIEWED=$(field .executionArn "$(sfn start-execution --state-machine-arn "$FRAUD" --name "${RUN}-review" \
  --input '{"transactionId":"'"$TX"'","accountId":"a-1","amountCents":250000,"currency":"USD","country":"FR","homeCountry":"US","merchantCategory":"electronics"}')")
TASK_TOKEN=""
for _ in $(seq 1 150); do
  TASK_TOKEN=$(curl -fsS "$URL/demo/fraud/reviews?status=PENDING" \
    | jq -r --arg tx "$TX" '.reviews[] | select(.transactionId == $tx) | .taskToken')
  [ -n "$TASK_TOKEN" ] && break
  sleep 0.2
done
[ -n "$TASK_TOKEN" ] || fail "no review of $TX appeared in the review inbox"
sfn send-task-success --task-token "$TASK_TOKEN" \
  --task-output '{"reviewId":"cli","decision":"APPROVED","reviewer":"cli","note":"looks fine"}' >/dev/null
REVIEW=$(await_end "$REVIEWED")
[ "$(field .status "$REVIEW")" = SUCCEEDED ] || fail "the review ended $(field .status "$REVIEW"): $REVIEW"
[ "$(field .output "$REVIEW" | jq -r .decision)" = APPROVED ] || fail "review output: $REVIEW"
if ERR=$(sfn send-task-success --task-token "$TASK_TOKEN" --task-output '{}' 2>&1); then
  fail "a used task token was accepted again"
fi
grep -q TaskTimedOut <<<"$ERR" || fail "a used task token gave: $ERR"
if ERR=$(sfn send-task-heartbeat --task-token "not-a-token" 2>&1); then
  fail "a malformed task token was accepted"
fi
grep -q InvalidToken <<<"$ERR" || fail "a malformed task token gave: $ERR"

step "the order example through the CLI and through the REST API"
ORDER='{"orderId":"o-'"$RUN"'","customerId":"c-42","items":[{"sku":"SKU-BOOK","quantity":2},{"sku":"SKU-MUG","quantity":1}],"payment":{"method":"card","token":"tok_visa"},"shippingAddress":{"name":"Ada","line1":"1 Loop St","city":"Springfield","postalCode":"12345","country":"US"}}'
ORDERS="arn:aws:states:us-east-1:123456789012:stateMachine:order-processing"
VIA_CLI=$(field .executionArn "$(sfn start-execution --state-machine-arn "$ORDERS" --name "${RUN}-cli" --input "$ORDER")")
curl -fsS -X POST "$URL/api/v1/state-machines/order-processing/executions" \
  -H 'Content-Type: application/json' -d '{"name":"'"${RUN}-rest"'","input":'"$ORDER"'}' >/dev/null \
  || fail "the REST API refused to start the order"
CLI_DONE=$(await_end "$VIA_CLI")
[ "$(field .status "$CLI_DONE")" = SUCCEEDED ] || fail "the order (CLI) ended: $CLI_DONE"
REST_DONE=""
for _ in $(seq 1 300); do
  REST_DONE=$(curl -fsS "$URL/api/v1/state-machines/order-processing/executions/${RUN}-rest")
  [ "$(jq -r .status <<<"$REST_DONE")" != RUNNING ] && break
  sleep 0.2
done
[ "$(jq -r .status <<<"$REST_DONE")" = SUCCEEDED ] || fail "the order (REST) ended: $REST_DONE"
CLI_OUTPUT=$(field .output "$CLI_DONE" | jq -S -c .)
REST_OUTPUT=$(jq -S -c .output <<<"$REST_DONE")
[ "$CLI_OUTPUT" = "$REST_OUTPUT" ] || fail "the outputs differ: CLI $CLI_OUTPUT, REST $REST_OUTPUT"
[ "$(jq -r .status <<<"$CLI_OUTPUT")" = COMPLETED ] || fail "the order was not completed: $CLI_OUTPUT"

step "every step passed"
