// A program that links 25 clients of the AWS SDK for Go (from Debian's
// packages) and keeps their methods (reflection), for the attribution bench:
// a binary of about 90 MB (scripts/bench.ts).
package main

import (
	"fmt"
	"os"
	"reflect"

	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/ec2"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/iam"
	"github.com/aws/aws-sdk-go/service/rds"
	"github.com/aws/aws-sdk-go/service/dynamodb"
	"github.com/aws/aws-sdk-go/service/lambda"
	"github.com/aws/aws-sdk-go/service/cloudformation"
	"github.com/aws/aws-sdk-go/service/ssm"
	"github.com/aws/aws-sdk-go/service/ecs"
	"github.com/aws/aws-sdk-go/service/eks"
	"github.com/aws/aws-sdk-go/service/sagemaker"
	"github.com/aws/aws-sdk-go/service/glue"
	"github.com/aws/aws-sdk-go/service/iot"
	"github.com/aws/aws-sdk-go/service/redshift"
	"github.com/aws/aws-sdk-go/service/elasticache"
	"github.com/aws/aws-sdk-go/service/quicksight"
	"github.com/aws/aws-sdk-go/service/connect"
	"github.com/aws/aws-sdk-go/service/securityhub"
	"github.com/aws/aws-sdk-go/service/cloudwatch"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/kms"
	"github.com/aws/aws-sdk-go/service/route53"
	"github.com/aws/aws-sdk-go/service/autoscaling"
	"github.com/aws/aws-sdk-go/service/apigateway"
)

func main() {
	sess := session.Must(session.NewSession())
	clients := []interface{}{
		ec2.New(sess),
		s3.New(sess),
		iam.New(sess),
		rds.New(sess),
		dynamodb.New(sess),
		lambda.New(sess),
		cloudformation.New(sess),
		ssm.New(sess),
		ecs.New(sess),
		eks.New(sess),
		sagemaker.New(sess),
		glue.New(sess),
		iot.New(sess),
		redshift.New(sess),
		elasticache.New(sess),
		quicksight.New(sess),
		connect.New(sess),
		securityhub.New(sess),
		cloudwatch.New(sess),
		sns.New(sess),
		sqs.New(sess),
		kms.New(sess),
		route53.New(sess),
		autoscaling.New(sess),
		apigateway.New(sess),
	}
	for _, c := range clients {
		if len(os.Args) > 1 {
			fmt.Println(reflect.ValueOf(c).MethodByName(os.Args[1]).IsValid())
		}
	}
}
